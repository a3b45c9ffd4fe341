"""Gzip for pages kept with holes (campaign.lib.pages), at almost no cost per request.

Compressing a 70 KB page takes a few milliseconds of CPU, several times what
serving it from the cache costs. But a kept page is the same for everyone but
its holes (the CSRF token, the form's time-stamp), so the parts between the
holes are compressed once, and each request only adds its own values, stored
as they are, and the checksum.

A deflate stream is a series of blocks; a compressor flushed with Z_SYNC_FLUSH
stops on a byte boundary without ending the stream, so separately compressed
parts, and "stored" (uncompressed) blocks between them, make one valid stream
when laid end to end (RFC 1951, 3.2.3-3.2.4). The visitor's values are never
compressed together with anything else, so the length of the response says
nothing about them (BREACH needs a secret compressed beside text an attacker
chose).
"""

import re
import struct
import zlib
from functools import lru_cache

# RFC 1952: magic, deflate, no flags, no time, no extra flags, unknown system.
_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
# An empty final block ends the stream.
_END = zlib.compressobj(wbits=-15).flush()
_STORED_MAX = 0xFFFF
LEVEL = 6


def _deflated(text):
    data = text.encode()
    compressor = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(zlib.Z_SYNC_FLUSH), data


def _stored(data):
    """data as stored deflate blocks: a non-final block header, its length and the
    length's complement, then the bytes themselves."""
    blocks = []
    for start in range(0, len(data), _STORED_MAX):
        chunk = data[start : start + _STORED_MAX]
        blocks.append(b"\x00" + struct.pack("<HH", len(chunk), len(chunk) ^ 0xFFFF) + chunk)
    return b"".join(blocks)


@lru_cache(maxsize=32)
def _parts(text, stand_ins):
    """text split at its stand-ins: compressed pieces and the stand-ins between them."""
    if not stand_ins:
        return (_deflated(text),)
    pattern = re.compile("|".join(re.escape(s) for s in sorted(stand_ins, key=len, reverse=True)))
    parts, position = [], 0
    for match in pattern.finditer(text):
        parts.append(_deflated(text[position : match.start()]))
        parts.append(match.group(0))
        position = match.end()
    parts.append(_deflated(text[position:]))
    return tuple(parts)


def gzip_with_holes(text, values):
    """The gzip file of `text` with each key of `values` replaced by its value.

    The pieces of text between the keys are compressed once and kept (for the
    last 32 texts); each call adds the values uncompressed.
    """
    parts = _parts(text, tuple(sorted(values)))
    out, crc, size = [_HEADER], 0, 0
    for part in parts:
        if isinstance(part, str):
            plain = values[part].encode()
            out.append(_stored(plain))
        else:
            compressed, plain = part
            out.append(compressed)
        crc = zlib.crc32(plain, crc)
        size += len(plain)
    out.append(_END)
    out.append(struct.pack("<II", crc, size & 0xFFFFFFFF))
    return b"".join(out)
