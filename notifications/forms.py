from django import forms

from notifications.models import MAILED_ELSEWHERE, Channel, Kind


class PreferencesForm(forms.Form):
    """One choice of channel per kind of notification."""

    def __init__(self, *args, initial_channels, **kwargs):
        super().__init__(*args, **kwargs)
        for kind in Kind:
            if kind in MAILED_ELSEWHERE:
                continue
            self.fields[kind.value] = forms.ChoiceField(
                label=kind.label,
                choices=Channel.choices,
                initial=initial_channels[kind.value],
                widget=forms.RadioSelect,
            )
