"""Every permission of the core's rights table has its words in the console, in both
languages: a refusal never shows a bare permission code such as ``credit.repair``."""
import re

from core.errors import PermissionDenied
from core.rights import PERMISSIONS
from desktop.refusals import PERMISSION_WORDS, refusal_text


def test_every_permission_is_worded():
    assert sorted(set(PERMISSIONS) - set(PERMISSION_WORDS)) == []


def test_a_chinese_refusal_is_all_chinese(console_app):  # console_app installs zh_CN
    for permission in PERMISSIONS:
        text = refusal_text(PermissionDenied(permission, actor="张三"))
        assert not re.search("[A-Za-z]", text), (permission, text)
