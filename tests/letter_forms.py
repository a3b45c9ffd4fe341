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


def letter_fields(response):
    """{office id: {"subject": ..., "text": ...}} for the letters on the letter step."""
    letters = {}
    for name, value in form_fields(response):
        if name.startswith("letter-"):
            _, office, field = name.split("-", 2)
            letters.setdefault(int(office), {})[field] = value
    return letters


def the_letter(response):
    """The one letter on the letter step: (name of its text field, its text)."""
    (office, fields), = letter_fields(response).items()
    return f"letter-{office}-text", fields["text"]


class _ReadyReader(HTMLParser):
    """The download forms of the finished-letters page: one per letter."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.letters = []
        self.textarea = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and "letter-final" in (attrs.get("class") or ""):
            token = attrs["action"].removeprefix("/letters/").split("/", 1)[0]
            self.letters.append({"token": token, "text": ""})
        elif self.letters and tag == "input" and attrs.get("type") == "hidden":
            if attrs.get("name") in ("subject", "sender"):
                self.letters[-1][attrs["name"]] = attrs.get("value", "")
        elif self.letters and tag == "textarea" and attrs.get("name") == "text":
            self.textarea = True

    def handle_data(self, data):
        if self.textarea:
            self.letters[-1]["text"] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self.textarea:
            self.textarea = False
            text = self.letters[-1]["text"]
            self.letters[-1]["text"] = text[1:] if text.startswith("\n") else text


def ready_letters(response):
    """[{"token", "subject", "sender", "text"}] of each finished letter, in page order."""
    reader = _ReadyReader()
    reader.feed(response.content.decode())
    return reader.letters


def download(client, ready, url_name, index=0, **headers):
    """Press one of the download buttons of a finished letter."""
    letter = dict(ready_letters(ready)[index])
    token = letter.pop("token")
    return client.post(f"/letters/{token}/{url_name}", letter, **headers)
