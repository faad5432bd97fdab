"""200 registrations for 30 seats at once, through HTTP: exactly 30 must be confirmed."""

import re
import threading

from benchmarks.web import Session

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def burst(base, *, cookies, event_pk, teacher_pks, token):
    """POST one registration per teacher, all threads released together; answer statuses."""
    start = threading.Barrier(len(teacher_pks))
    statuses = []
    lock = threading.Lock()

    def register(teacher_pk):
        session = Session(base)
        session.cookies = dict(cookies)
        start.wait()
        try:
            status, _ = session.request(
                f"/events/{event_pk}/register/",
                {"csrfmiddlewaretoken": token, "teacher": teacher_pk},
            )
        except OSError as error:  # refused, reset or timed out: counted, not lost
            status = f"error: {type(error).__name__}"
        with lock:
            statuses.append(status)

    threads = [threading.Thread(target=register, args=(pk,)) for pk in teacher_pks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses
