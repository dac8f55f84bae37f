; Casebook installer (Inno Setup 6.3 or later): per machine for IT, or per user without admin.
;
; Packs the one-folder PyInstaller build in dist\casebook\ (run `python installer\build.py` first,
; then installer\sign.ps1, which signs the build and compiles this script with signing turned on):
;     iscc installer\casebook.iss                      -> dist\installer\Casebook-<version>-setup.exe
;     iscc /DAppVersion=1.2.3 installer\casebook.iss   -> overrides the version read from the exe
;     iscc /DSign "/Scasebook=signtool sign ... $f" installer\casebook.iss
;                                                      -> signs setup, its temporary self-copies
;                                                         and the uninstaller (see sign.ps1)
;
; Two deployments, one setup (PrivilegesRequired=lowest, overridable):
;   IT push, per machine:   setup.exe /ALLUSERS /VERYSILENT ...   -> C:\Program Files\Casebook
;                           (where AppLocker's default rules allow programs to run)
;   per user, no admin:     setup.exe /CURRENTUSER ...            -> %LOCALAPPDATA%\Programs\Casebook
; Run interactively, setup asks which of the two the user wants.
;
; The vault is NOT in the program folder: it lives in the user's data folder
; (%LOCALAPPDATA%\IGXU\Casebook, desktop/paths.py), and neither upgrading nor uninstalling touches
; it, its backups, the log, or the settings in HKCU\Software\IGXU\Casebook.

#define AppName "Casebook"
#define AppPublisher "IGXU"
#define AppExeName "casebook.exe"
#define AppCliName "casebook-cli.exe"
#define BuildDir AddBackslash(SourcePath) + "..\dist\casebook"
#define IconFile AddBackslash(SourcePath) + "..\resources\icons\casebook.ico"

#if !FileExists(BuildDir + "\" + AppExeName)
  #error dist\casebook\casebook.exe is missing: run "python installer\build.py" first
#endif

; The version's one place is pyproject.toml: casebook.spec writes it into the executable's version
; resource, and it is read back from there, so the installer cannot disagree with the program.
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(BuildDir + "\" + AppExeName, "ProductVersion")
#endif
#if AppVersion == ""
  #error Could not read the version from casebook.exe; pass /DAppVersion=x.y.z
#endif
; Four numbers for the installer's own version resource ("0.1.0rc1" is not allowed there).
#define AppVersionNumbers GetVersionNumbersString(BuildDir + "\" + AppExeName)

[Setup]
; Never change AppId: upgrades, the uninstaller and Intune/ConfigMgr detection rules find earlier
; installs by it (registry: ...\CurrentVersion\Uninstall\{6D1C0B8E-...-3A5F2E9C1D47}_is1).
AppId={{6D1C0B8E-4F2A-4C4B-9B7E-3A5F2E9C1D47}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppVersionNumbers}
VersionInfoProductName={#AppName}
VersionInfoProductVersion={#AppVersionNumbers}
VersionInfoDescription={#AppName} installer

; Per user by default (no UAC prompt); /ALLUSERS on the command line, or the choice in the dialog,
; installs per machine. {autopf} and {autoprograms} follow that choice: Program Files and the
; common Start menu per machine, {localappdata}\Programs and the user's Start menu per user.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline dialog
; An upgrade run without /ALLUSERS or /CURRENTUSER goes where the previous install went.
UsePreviousPrivileges=yes
DefaultDirName={autopf}\{#AppName}
DisableDirPage=auto
UsePreviousAppDir=yes
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes

ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0

; A running Casebook is asked to close (it locks its vault as it does) before files are replaced.
CloseApplications=yes
RestartApplications=no
; %TEMP%\Setup Log <date> #nnn.txt, or where /LOG=<file> says: IT's first stop when a push fails.
SetupLogging=yes

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
; Signing through Inno (not afterwards) also signs setup's temporary self-copies and the
; uninstaller, which AppLocker, WDAC and Defender's ASR rules would otherwise block.
#ifdef Sign
SignTool=casebook
SignedUninstaller=yes
#endif

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

; No [UninstallDelete]: uninstalling removes only what [Files] and [Icons] installed. The frozen
; program writes nothing into its own folder (PyInstaller turns off bytecode caching), and the
; vaults, safety copies, backups, log and settings live elsewhere and must survive.
