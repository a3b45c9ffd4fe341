"""
`{% publiccache "name" key... %}...{% endpubliccache %}`: keep the rendered
block for everyone, per language, for PUBLIC_CACHE_SECONDS or until
`campaign.lib.fragments.bump("name")`. Querysets used only inside the block are not
evaluated on a hit. The block must not show anything personal: no CSRF token,
no user, no form. A view sets `fresh_public_parts` in the context to have the
block rendered anew for one visitor (someone who has just withdrawn their name).
"""

from django import template

from campaign.lib import fragments

register = template.Library()


class PublicCacheNode(template.Node):
    def __init__(self, nodelist, name, key):
        self.nodelist = nodelist
        self.name = name
        self.key = key

    def render(self, context):
        if context.get("fresh_public_parts"):
            return self.nodelist.render(context)
        name = self.name.resolve(context)
        key = [part.resolve(context) for part in self.key]
        return fragments.fragment(name, lambda: self.nodelist.render(context), key=key)


@register.tag
def publiccache(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(
            "{% publiccache %} needs a name: {% publiccache \"petition\" petition.pk %}"
        )
    nodelist = parser.parse(("endpubliccache",))
    parser.delete_first_token()
    return PublicCacheNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]]
    )
