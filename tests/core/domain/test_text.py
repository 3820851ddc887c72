"""Search folding and Slovenian order."""

from sociolab_desktop.core.domain.text import fold, search_text, slovenian_sort_key


def test_fold_removes_case_and_diacritics_including_d_with_stroke():
    assert fold("Čeh") == "ceh"
    assert fold("ĐURĐEVIĆ") == "durdevic"
    assert fold("  Šuštar   Žagar ") == "sustar zagar"


def test_search_text_joins_folded_parts_and_skips_empty_ones():
    assert search_text("Ana", None, "", "Čeh") == "ana ceh"


def test_slovenian_order_puts_caron_letters_after_their_base():
    names = ["Zupan", "Čeh", "Cerar", "Šuštar", "Sever", "Žagar", "Tomažič", "Ćosić", "Dolenc", "Đurić"]
    ordered = sorted(names, key=slovenian_sort_key)
    assert ordered == ["Cerar", "Čeh", "Ćosić", "Dolenc", "Đurić", "Sever", "Šuštar", "Tomažič", "Zupan", "Žagar"]


def test_sort_ignores_case():
    assert sorted(["novak", "Kovač"], key=slovenian_sort_key) == ["Kovač", "novak"]
