; Inno Setup 6 script: a per-user installer for the one-folder app in dist\Zhanggui.
; Build the app first (pyinstaller --noconfirm build.spec), then, from the repository root:
;   ISCC /DAppVersion=0.1.0 installer\zhanggui.iss      ->  dist\installer\Zhanggui-0.1.0-setup.exe
; The Windows workflow passes the version of services/version.py (python installer/version_info.py).
; Without /DAppVersion the version resource that build.spec wrote into Zhanggui.exe is used.
; The shop's data (shop.db, backups, preferences) lives in %LOCALAPPDATA%\Zhanggui, outside the
; program folder: installing over it and uninstalling never touch it.

#define AppName "掌柜会员通"
#define AppExe "Zhanggui.exe"
#ifndef DistDir
  #define DistDir AddBackslash(SourcePath) + "..\dist\Zhanggui"
#endif
#ifndef AppVersion
  #define ExeVersion GetVersionNumbersString(DistDir + "\" + AppExe)
  #define AppVersion Copy(ExeVersion, 1, RPos(".", ExeVersion) - 1)
#endif
; Chinese (Simplified) messages: official in recent Inno Setup releases (compiler:Languages),
; an unofficial translation before that. For an older Inno Setup, put ChineseSimplified.isl from
; https://github.com/jrsoftware/issrc/tree/main/Files/Languages/Unofficial next to this script
; (the workflow downloads it when Inno lacks it; it is not committed), or pass /DChineseIsl=PATH.
#ifndef ChineseIsl
  #if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
    #define ChineseIsl "compiler:Languages\ChineseSimplified.isl"
  #elif FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
    #define ChineseIsl AddBackslash(SourcePath) + "ChineseSimplified.isl"
  #else
    #error ChineseSimplified.isl not found: see the comment above [Setup] in zhanggui.iss
  #endif
#endif

[Setup]
; Fixed for ever: Windows finds an earlier install (upgrade, uninstall) by this id.
AppId={{6E0B7C59-3A1D-4F0E-9C8B-5D2A7F41C3E8}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=掌柜会员通 Zhanggui
VersionInfoVersion={#AppVersion}
; Per user, no administrator rights: {userpf} is %LOCALAPPDATA%\Programs.
PrivilegesRequired=lowest
DefaultDirName={userpf}\Zhanggui
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SetupIconFile=..\resources\icons\app.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir=..\dist\installer
OutputBaseFilename=Zhanggui-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto

[Languages]
Name: "chinesesimplified"; MessagesFile: "{#ChineseIsl}"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.DataKept=店铺数据（shop.db、备份和设置）保存在 %1，不在程序文件夹里：卸载或重新安装程序都不会删除它们。
english.DataKept=Your shop data (shop.db, backups and settings) is kept in %1, outside the program folder: uninstalling or reinstalling the program never deletes it.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the libraries as a whole, so no file of an older version lingers.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
function DataKeptText(): String;
begin
  Result := FmtMessage(CustomMessage('DataKept'), [ExpandConstant('{localappdata}\Zhanggui')]);
end;

procedure CurPageChanged(CurPageID: Integer);
begin
  if CurPageID = wpFinished then
  begin
    WizardForm.FinishedLabel.Caption :=
      WizardForm.FinishedLabel.Caption + #13#10#13#10 + DataKeptText();
    WizardForm.FinishedLabel.AdjustHeight();
  end;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent() then
    MsgBox(DataKeptText(), mbInformation, MB_OK);
end;
