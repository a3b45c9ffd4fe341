"""The admin as a place to work for editors and moderators.

Imported from CampaignConfig.ready(), after the admin has discovered every
app's admin module, so it can extend the model admins registered there.
"""

from django.contrib import admin

from campaign.throttle import ThrottledAdminLoginForm

admin.site.login_form = ThrottledAdminLoginForm
