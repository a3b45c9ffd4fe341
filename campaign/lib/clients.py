"""Who is asking: the client's address behind trusted proxies, a keyed hash of
it for storage, and fixed-window rate limits shared by every process."""

import hashlib
import hmac
import ipaddress

from django.conf import settings

from campaign.lib import counters


def client_ip(request):
    """The client's address as seen by the last trusted proxy.

    Each of the TRUSTED_PROXY_COUNT proxies appends the address it received
    the request from to X-Forwarded-For, so the client is the Nth entry from
    the right; anything further left was written by the client and may be
    forged. With no trusted proxies the header is ignored.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < count:
        return remote
    return forwarded[-count]


def network(ip):
    """What rate limits count a client by: an IPv4 address itself, an IPv6 one by
    its /64, the block a provider gives one household or server (so that cycling
    through its 2^64 addresses gains nothing). An IPv4 address written as IPv6
    (::ffff:a.b.c.d) is that IPv4 address."""
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return ip
    if address.version == 4:
        return str(address)
    if address.ipv4_mapped:
        return str(address.ipv4_mapped)
    return str(ipaddress.IPv6Network((int(address) >> 64 << 64, 64)))


def client_network(request):
    """`network` of the client's address (django-axes counts sign-ins by it too)."""
    return network(client_ip(request))


def ip_hash_key():
    return (settings.IP_HASH_SALT or "ip-hash:" + settings.SECRET_KEY).encode()


def hash_ip(ip):
    """A keyed hash of an address's `network`: addresses of one network match (an
    IPv6 /64 is one client), but the address cannot be recovered from the
    database without the secret."""
    return hmac.new(ip_hash_key(), network(ip).encode(), hashlib.sha256).hexdigest()


def hit(key, window):
    """Count one event in a fixed window and return how many there have been."""
    return counters.increment((key, window))[0]
