"""Fill in and submit the letter writer's form the way a browser without JavaScript does."""

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    """Collect the successful controls of the page's letter-writer form."""

    def __init__(self):
        super().__init__(convert_charrefs=True)  # values arrive unescaped, as a browser sends them
        self.inside = False
        self.fields = []
        self.textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("action", "").endswith("/letters/"):
            self.inside = True
        if not self.inside:
            return
        if tag == "input" and attrs.get("name"):
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if kind == "checkbox" and attrs.get("value") is None:
                self.fields.append((attrs["name"], "on"))
            else:
                self.fields.append((attrs["name"], attrs.get("value", "")))
        if tag == "textarea":
            self.textarea = [attrs["name"], ""]

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self.textarea is not None:
            # Browsers drop the one newline that follows <textarea>.
            name, value = self.textarea
            self.fields.append((name, value[1:] if value.startswith("\n") else value))
            self.textarea = None
        if tag == "form":
            self.inside = False


def form_fields(response):
    reader = _FormReader()
    reader.feed(response.content.decode())
    return reader.fields


def submit(client, response, button="next", replace=None, path="/letters/", **headers):
    """Post the letter-writer form on `response` (to `path`: "/ko/letters/" for the Korean
    page), replacing some fields' values."""
    replace = replace or {}
    data = {}
    for name, value in form_fields(response):
        if name not in replace:
            data.setdefault(name, []).append(value)
    for name, value in replace.items():
        if value is not None:
            data[name] = value if isinstance(value, list) else [value]
    data[button] = ["1"]
    return client.post(path, data, **headers)
