"""Draw the site's icons and its plain share card into static/ (the files are committed).

    manage.py draw_icons             write the files
    manage.py draw_icons --dry-run   say what would be written

static/root/favicon.ico        16, 32 and 48 pixels, for browsers that ask for /favicon.ico
static/root/apple-touch-icon.png  180 pixels, for phones' home screens (/apple-touch-icon.png)
static/img/share-card.png      the campaign's card without a count, shown while a
                               petition's first card is being drawn

The icon is the one in static/img/favicon.svg (a roof over a doorway: a safe
place), drawn large and scaled down so its edges are smooth. The same fonts
and Pillow give the same bytes, so running it again changes nothing.
"""

import io
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation
from django.utils.translation import gettext as _
from PIL import Image, ImageDraw

from campaign.petition import cards

# favicon.svg's drawing, in its 32-unit box.
BRAND = "#1d4e89"
CORNER_RADIUS = 6
STROKE_WIDTH = 2.5
STROKES = (
    ((6, 20), (26, 20)),
    ((9, 20), (9, 14), (23, 14), (23, 20)),
    ((12, 14), (16, 9), (20, 14)),
)
# Drawn this many times larger than the largest size, then scaled down.
OVERSAMPLE = 8


def draw_icon(size, *, rounded=True):
    """The site's icon as an RGBA image of size x size pixels. Home-screen icons
    are square (the phone rounds the corners itself)."""
    scale = size * OVERSAMPLE / 32
    big = Image.new("RGBA", (size * OVERSAMPLE,) * 2, (0, 0, 0, 0))
    draw = ImageDraw.Draw(big)
    box = (0, 0, big.width - 1, big.height - 1)
    if rounded:
        draw.rounded_rectangle(box, radius=round(CORNER_RADIUS * scale), fill=BRAND)
    else:
        draw.rectangle(box, fill=BRAND)
    width = round(STROKE_WIDTH * scale)
    for stroke in STROKES:
        points = [(x * scale, y * scale) for x, y in stroke]
        draw.line(points, fill="white", width=width, joint="curve")
        # Round ends, as the SVG's stroke-linecap.
        for x, y in (points[0], points[-1]):
            radius = width / 2
            draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill="white")
    return big.resize((size, size), Image.Resampling.LANCZOS)


def favicon_ico():
    buffer = io.BytesIO()
    draw_icon(48).save(buffer, format="ICO", sizes=[(16, 16), (32, 32), (48, 48)])
    return buffer.getvalue()


def apple_touch_icon():
    # A home-screen icon has no transparency: the phone would fill it with black.
    icon = draw_icon(180, rounded=False).convert("RGB")
    buffer = io.BytesIO()
    icon.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def plain_share_card():
    with translation.override(settings.LANGUAGE_CODE):
        return cards.draw_plain_card(
            title=_("Stop the forced repatriation of North Korean defectors"),
            campaign=settings.SITE_NAME,
            call=_("Sign the petition"),
            font_files=cards.find_font_files(),
        )


class Command(BaseCommand):
    help = "Draw the favicon, the home-screen icon and the plain share card into static/."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only list the files.")

    def handle(self, *args, dry_run=False, **options):
        static = Path(settings.BASE_DIR) / "static"
        files = {
            static / "root" / "favicon.ico": favicon_ico,
            static / "root" / "apple-touch-icon.png": apple_touch_icon,
            static / "img" / "share-card.png": plain_share_card,
        }
        verb, done = ("Would write", "to change") if dry_run else ("Writing", "changed")
        changed = 0
        for path, draw in files.items():
            data = draw()
            if path.exists() and path.read_bytes() == data:
                continue
            changed += 1
            self.stdout.write(f"{verb} {path} ({len(data):,} bytes)")
            if not dry_run:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
        self.stdout.write(f"{changed} of {len(files)} files {done}.")
