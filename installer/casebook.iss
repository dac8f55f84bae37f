; Casebook per-user installer (Inno Setup 6.3 or later).
;
; Packs the one-folder PyInstaller build in dist\casebook\ (run `python installer\build.py` first):
;     iscc installer\casebook.iss                      -> dist\installer\Casebook-<version>-setup.exe
;     iscc /DAppVersion=1.2.3 installer\casebook.iss   -> overrides the version read from the exe
;
; Installs for the current user only, without administrator rights, into
; {autopf}\Casebook, which for a per-user install is {localappdata}\Programs\Casebook
; (%LOCALAPPDATA%\Programs\Casebook). IT can deploy for all users into Program Files instead
; with `Casebook-<version>-setup.exe /ALLUSERS` from an elevated prompt (for example where
; AppLocker allows programs only from Program Files).
;
; The vault is NOT in the program folder: it lives in the user's data folder
; (%LOCALAPPDATA%\IGXU\Casebook), and neither upgrading nor uninstalling touches it.

#define AppName "Casebook"
#define AppPublisher "IGXU"
#define AppExeName "casebook.exe"
#define AppCliName "casebook-cli.exe"
#define BuildDir AddBackslash(SourcePath) + "..\dist\casebook"
#define IconFile AddBackslash(SourcePath) + "..\resources\icons\casebook.ico"

#if !FileExists(BuildDir + "\" + AppExeName)
  #error dist\casebook\casebook.exe is missing: run "python installer\build.py" first
#endif

; The version comes from the executable's version resource, which casebook.spec fills in from
; pyproject.toml, so the installer cannot disagree with the program it installs.
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(BuildDir + "\" + AppExeName, "ProductVersion")
#endif
#if AppVersion == ""
  #error Could not read the version from casebook.exe; pass /DAppVersion=x.y.z
#endif
; Four numbers for the installer's own version resource ("0.1.0rc1" is not allowed there).
#define AppVersionNumbers GetVersionNumbersString(BuildDir + "\" + AppExeName)

[Setup]
; Never change AppId: upgrades and the uninstaller find earlier installs by it.
AppId={{6D1C0B8E-4F2A-4C4B-9B7E-3A5F2E9C1D47}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppVersionNumbers}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} installer

; Per-user: no UAC prompt. {autopf} resolves to {localappdata}\Programs in this mode.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline
DefaultDirName={autopf}\{#AppName}
DisableDirPage=auto
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes

ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0

; A running Casebook is asked to close (it locks its vault as it does) before files are replaced.
CloseApplications=yes
RestartApplications=no

UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
OutputDir=..\dist\installer
OutputBaseFilename=Casebook-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
#if FileExists(IconFile)
SetupIconFile={#IconFile}
#endif
; Sign setup and uninstaller when a signing tool is configured in the IDE or with /S:
;   iscc "/Ssigntool=signtool sign /fd sha256 /tr http://timestamp.example /td sha256 $f" ...
; SignTool=signtool

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; Clear the previous build's libraries first: a stale Qt or Python DLL left beside new ones breaks
; the program in ways that are hard to diagnose. Only program files are here, never data.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BuildDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: the frozen program writes nothing into its own folder (PyInstaller turns
; off bytecode caching), and the vault, its backups and the log live elsewhere and must survive.
