"""Plain HTTP against the running server: log in through the form, time a first visit.

Cookies are kept by hand: with ``DJANGO_DEBUG=0`` they are marked Secure, which a cookie
jar would not send over the plain HTTP of the bench.
"""

import re
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookies import SimpleCookie

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


class Session:
    """A browser's cookies against one server."""

    def __init__(self, base):
        self.base = base.rstrip("/")
        self.cookies = {}

    @property
    def cookie_header(self):
        return "; ".join(f"{k}={v}" for k, v in sorted(self.cookies.items()))

    def request(self, path, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body)
        if self.cookies:
            request.add_header("Cookie", self.cookie_header)
        request.add_header("Accept-Language", "ru")
        try:
            response = OPENER.open(request, timeout=120)
        except urllib.error.HTTPError as error:  # a redirect or an error page
            response = error
        with response:
            content = response.read()
            for header in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    self.cookies[name] = morsel.value
            return response.status, content

    def csrf_token(self, path):
        status, content = self.request(path)
        match = TOKEN.search(content.decode("utf-8", "replace"))
        if match is None:
            raise RuntimeError(f"no CSRF token on {path} ({status})")
        return match.group(1)

    def login(self, username, password):
        token = self.csrf_token("/accounts/login/")
        status, _ = self.request(
            "/accounts/login/",
            {"csrfmiddlewaretoken": token, "username": username, "password": password},
        )
        if status != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"login of {username} failed ({status})")
        return self


def first_visit(session, path, forget):
    """The time of one request right after ``forget()`` emptied the shared cache: what a
    page costs when nothing of it is kept (the first visit after a change), in ms."""
    forget()
    began = time.perf_counter()
    status, _ = session.request(path)
    if status != 200:
        raise RuntimeError(f"{path} answered {status}")
    return (time.perf_counter() - began) * 1000
