from core.import_preview import StylelessDiff


def test_import_preview_marks_changes_without_inline_styles():
    diff = StylelessDiff.__new__(StylelessDiff)
    diff.left, diff.right, diff.new = ["МАОУ СОШ № 1", "a<b"], ["МАОУ СОШ № 12", "a<b"], False

    changed, same = diff.as_html()

    assert changed == "<span>МАОУ СОШ № 1</span><ins>2</ins>"
    assert same == "<span>a&lt;b</span>"
    assert "style" not in changed + same
