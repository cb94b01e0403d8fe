"""What counts as a phone number, for typed-in profiles and imported files alike."""
import re

# Digits with masks (138****1234, 138xxxx1234), + and leading zeros, and the dashes,
# brackets and spaces people write: (0571) 8888-6666.
_PHONE = re.compile(r'\+?[*#xX\-()（） ]*\d[\d*#xX\-()（） ]*')
MIN_LENGTH, MAX_LENGTH = 5, 32


MAX_DIGITS = 20


def looks_like_phone(text: str) -> bool:
    return (MIN_LENGTH <= len(text) <= MAX_LENGTH and _PHONE.fullmatch(text) is not None
            and sum(ch.isdigit() for ch in text) <= MAX_DIGITS)
