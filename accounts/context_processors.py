from django.conf import settings


def portal(request):
    return {"centre_name": settings.PORTAL_CENTRE_NAME}
