import sitroom.merge as merge


def test_public_names_are_exported_and_documented():
    doc = merge.__doc__ or ""
    for name in merge.__all__:
        assert hasattr(merge, name), name
        assert name in doc, f"{name} is exported but not described in the module docstring"
