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
import secrets
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


@lru_cache(maxsize=512)
def _kept_parts(text, stand_ins):
    # The parts of pages rendered for one visitor: more of them, and each smaller.
    return _parts.__wrapped__(text, stand_ins)


def _random_name(max_bytes):
    """A gzip header's file name of 1 to `max_bytes` random bytes (none of them NUL,
    which ends it), as Django's GZipMiddleware writes to mask a response's length."""
    length = secrets.randbelow(max_bytes) + 1
    return bytes(secrets.randbelow(255) + 1 for _ in range(length)) + b"\x00"


def gzip_with_kept_parts(text, kept, max_random_bytes=0):
    """The gzip file of `text`, a page that holds parts kept for everyone, or None
    when none of them is found in it.

    `kept` lists each part as (its kept text with stand-ins, {stand-in: this
    visitor's value}, the text as it is in the page), in the page's order. Each
    kept text is compressed once (for the last 512); the values are added
    uncompressed, as in `gzip_with_holes`, and the rest of the page is
    compressed now, its history reset before each kept part (a full flush), so
    nothing refers across them.
    """
    pieces, position = [], 0
    for kept_text, values, shown in kept:
        start = text.find(shown, position) if shown else -1
        if start < 0:
            continue
        pieces.append(text[position:start])
        pieces.append((kept_text, values))
        position = start + len(shown)
    if not pieces:
        return None
    pieces.append(text[position:])
    header = _HEADER
    if max_random_bytes:
        header = _HEADER[:3] + b"\x08" + _HEADER[4:] + _random_name(max_random_bytes)
    compressor = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)

    def blocks():
        for piece in pieces:
            if isinstance(piece, str):
                if piece:
                    plain = piece.encode()
                    yield compressor.compress(plain) + compressor.flush(zlib.Z_FULL_FLUSH), plain
            else:
                kept_text, values = piece
                yield from _filled(_kept_parts(kept_text, tuple(sorted(values))), values)

    return _gzip_file(header, blocks())


def gzip_with_holes(text, values):
    """The gzip file of `text` with each key of `values` replaced by its value.

    The pieces of text between the keys are compressed once and kept (for the
    last 32 texts); each call adds the values uncompressed.
    """
    return _gzip_file(_HEADER, _filled(_parts(text, tuple(sorted(values))), values))


def _filled(parts, values):
    """(deflate block, the text it holds) for compressed parts and for each stand-in's
    value, stored uncompressed."""
    for part in parts:
        if isinstance(part, str):
            plain = values[part].encode()
            yield _stored(plain), plain
        else:
            yield part


def _gzip_file(header, blocks):
    """A gzip file of `header`, the deflate `blocks` ((bytes, the text they hold)) and
    the trailer: the final empty block, the texts' CRC-32 and length."""
    out, crc, size = [header], 0, 0
    for compressed, plain in blocks:
        out.append(compressed)
        crc = zlib.crc32(plain, crc)
        size += len(plain)
    out.append(_END)
    out.append(struct.pack("<II", crc, size & 0xFFFFFFFF))
    return b"".join(out)
