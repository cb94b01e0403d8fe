"""The Windows version resource of the two exes, from services/version.py.

build.spec calls write_version_file() into PyInstaller's work folder (build output, never
committed); PyInstaller reads it back with eval() on Windows and ignores it elsewhere.
`python installer/version_info.py` prints the version (the Windows workflow passes it to ISCC).
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

COMPANY = '掌柜会员通 Zhanggui'


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """'0.1.0' -> (0, 1, 0, 0); a suffix such as 'rc1' is dropped (Windows wants 4 numbers)."""
    numbers = []
    for part in version.split('+')[0].split('.')[:4]:
        digits = re.match(r'\d+', part)
        if not digits:
            break
        numbers.append(int(digits.group()))
    return tuple((numbers + [0, 0, 0, 0])[:4])


def version_file_text(version: str, product: str, exe_name: str, description: str) -> str:
    """PyInstaller's text form of VSVersionInfo (what pyi-grab_version writes)."""
    v = version_tuple(version)
    strings = {
        'CompanyName': COMPANY,
        'FileDescription': description,
        'FileVersion': version,
        'InternalName': exe_name,
        'LegalCopyright': COMPANY,
        'OriginalFilename': f'{exe_name}.exe',
        'ProductName': product,
        'ProductVersion': version,
    }
    entries = ',\n'.join(f'          StringStruct({k!r}, {s!r})' for k, s in strings.items())
    # 0x0804 = Chinese (Simplified, PRC), 1200 = Unicode code page.
    return f"""# UTF-8
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={v!r},
    prodvers={v!r},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '080404B0',
        [
{entries}
        ])
    ]),
    VarFileInfo([VarStruct('Translation', [0x0804, 1200])])
  ]
)
"""


def write_version_file(folder: str | Path, version: str, product: str, exe_name: str,
                       description: str) -> str:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f'version_{exe_name}.txt'
    path.write_text(version_file_text(version, product, exe_name, description), encoding='utf-8')
    return str(path)


if __name__ == '__main__':
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from services.version import __version__
    print(__version__)
