"""The Russian catalogue is complete and compiled, so even a machine without gettext is Russian."""

import gettext
import json
from pathlib import Path

from django.utils import translation

ROOT = Path(__file__).resolve().parents[1]
PO = ROOT / "locale" / "ru" / "LC_MESSAGES" / "django.po"


def entries():
    """(msgid, msgstrs, flags) of every live entry, parsed without extra tools."""
    blocks = PO.read_text(encoding="utf-8").split("\n\n")
    for block in blocks[1:]:
        lines = [line for line in block.splitlines() if not line.startswith("#~")]
        if not lines:
            continue
        flags = " ".join(line for line in lines if line.startswith("#,"))
        text, current = {}, None
        for line in lines:
            if line.startswith("#"):
                continue
            if line.startswith(("msgid", "msgstr", "msgctxt")):
                current, _, value = line.partition(" ")
                text[current] = value.strip('"')
            elif current:
                text[current] += line.strip('"')
        if "msgid" in text:
            strs = [v for k, v in text.items() if k.startswith("msgstr")]
            yield text["msgid"], strs, flags


def test_every_message_is_translated_and_none_is_fuzzy():
    untranslated = [msgid for msgid, strs, _ in entries() if not all(strs)]
    fuzzy = [msgid for msgid, _, flags in entries() if "fuzzy" in flags]

    assert not untranslated, f"untranslated: {untranslated[:10]}"
    assert not fuzzy, f"fuzzy: {fuzzy[:10]}"


def test_compiled_catalogue_is_committed_and_matches_its_source():
    with PO.with_suffix(".mo").open("rb") as mo:
        catalog = gettext.GNUTranslations(mo)._catalog
    compiled = {key[0] if isinstance(key, tuple) else key for key in catalog}
    source = {json.loads(f'"{msgid}"') for msgid, _, _ in entries()}

    assert source - compiled == set(), "run `make messages`: the .mo is older than the .po"


def test_strings_render_in_russian():
    with translation.override("ru"):
        assert translation.gettext("Schools") == "Школы"
        assert translation.gettext("Low-results school") == "ШНОР"
