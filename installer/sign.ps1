<#
.SYNOPSIS
    Signs Casebook's build with the council's code-signing certificate, then the installer.

.DESCRIPTION
    1. Every PE file in dist\casebook\ (*.exe, *.dll, *.pyd) that is not already validly signed is
       signed with signtool: SHA-256 file digest, RFC 3161 timestamp with a SHA-256 digest.
       Already-signed files (Qt's DLLs by The Qt Company, python311.dll by the Python Software
       Foundation) keep their own signature. The unsigned ones are ours to sign: the PyInstaller
       bootloader executables (casebook.exe, casebook-cli.exe), the sqlcipher3 extension
       (_sqlite3*.pyd) and the other extension modules.
       A file whose signature is present but broken (tampered, expired without timestamp,
       untrusted) stops the script: find out why before shipping it.
    2. With -Package, compiles installer\casebook.iss with Inno Setup's SignTool directive, so the
       setup, its temporary self-copies and the uninstaller are signed too. With -Installer,
       signs an already-compiled setup instead (its self-copies and uninstaller stay unsigned:
       prefer -Package).
    Prints what it signed and what was already signed. Never compress the build with UPX: it
    breaks Qt plugins and signatures, and makes anti-virus products flag the program.

.EXAMPLE
    .\installer\sign.ps1 -Thumbprint 0123456789ABCDEF0123456789ABCDEF01234567 -Package

.EXAMPLE
    .\installer\sign.ps1 -PfxPath D:\certs\council.pfx -PfxPassword (Read-Host -AsSecureString) -Package

.EXAMPLE
    .\installer\sign.ps1 -Thumbprint 0123... -WhatIf     # lists what would be signed
#>
[CmdletBinding(SupportsShouldProcess = $true, DefaultParameterSetName = 'Thumbprint')]
param(
    # SHA-1 thumbprint of the certificate in the Personal (My) store; its private key must be there.
    [Parameter(Mandatory = $true, ParameterSetName = 'Thumbprint')]
    [ValidatePattern('^[0-9A-Fa-f]{40}$')]
    [string] $Thumbprint,

    # Look for -Thumbprint in the computer's store (LocalMachine\My) instead of the user's.
    [Parameter(ParameterSetName = 'Thumbprint')]
    [switch] $MachineStore,

    # A .pfx file holding the certificate and its private key.
    [Parameter(Mandatory = $true, ParameterSetName = 'Pfx')]
    [ValidateScript({ Test-Path -LiteralPath $_ -PathType Leaf })]
    [string] $PfxPath,

    [Parameter(ParameterSetName = 'Pfx')]
    [System.Security.SecureString] $PfxPassword,

    # RFC 3161 timestamp server: the timestamp keeps signatures valid after the certificate
    # expires.
    [ValidateNotNullOrEmpty()]
    [string] $TimestampUrl = 'http://timestamp.digicert.com',

    # The one-folder build made by installer\build.py.
    [string] $BuildFolder = (Join-Path $PSScriptRoot '..\dist\casebook'),

    # Compile installer\casebook.iss with signing after signing the build (recommended).
    [switch] $Package,

    # ISCC.exe, if it is not on PATH or in Inno Setup 6's usual folders.
    [string] $IsccPath,

    # An already-compiled setup to sign (instead of -Package).
    [string] $Installer,

    # signtool.exe, if it is not on PATH or in the Windows 10/11 SDK's usual folder.
    [string] $SignToolPath,

    # Shown as the program name in Windows' signature prompts.
    [string] $Description = 'Casebook'
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

function Find-Tool {
    param([string] $Given, [string] $Name, [string[]] $Candidates)
    if ($Given) {
        if (-not (Test-Path -LiteralPath $Given -PathType Leaf)) { throw "$Name not found at $Given" }
        return (Resolve-Path -LiteralPath $Given).ProviderPath
    }
    $onPath = Get-Command $Name -CommandType Application -ErrorAction SilentlyContinue |
        Select-Object -First 1
    if ($onPath) { return $onPath.Path }
    foreach ($pattern in $Candidates) {
        # Newest SDK first: folder names such as 10.0.22621.0 sort as versions.
        $found = Get-ChildItem -Path $pattern -ErrorAction SilentlyContinue |
            Sort-Object -Descending -Property { $_.Directory.Parent.Name -as [version] }, FullName |
            Select-Object -First 1
        if ($found) { return $found.FullName }
    }
    throw "${Name} not found: install it, or pass its path as a parameter."
}

function Get-SigningArgument {
    # The part of the signtool command line that names the certificate and the digests.
    param([string] $ParameterSet)
    $arguments = @('/fd', 'SHA256', '/tr', $TimestampUrl, '/td', 'SHA256', '/d', $Description)
    if ($ParameterSet -eq 'Pfx') {
        $arguments += @('/f', (Resolve-Path -LiteralPath $PfxPath).ProviderPath)
        if ($PfxPassword) {
            # signtool only takes the password on its command line.
            $plain = [System.Net.NetworkCredential]::new('', $PfxPassword).Password
            $arguments += @('/p', $plain)
        }
    }
    else {
        $arguments += @('/sha1', $Thumbprint)
        if ($MachineStore) { $arguments += '/sm' }
    }
    return , $arguments
}

function Invoke-SignTool {
    param([string] $Tool, [string[]] $Signing, [string[]] $Files)
    # Batches keep the command line well under Windows' 32,767-character limit.
    for ($start = 0; $start -lt $Files.Count; $start += 40) {
        $batch = @($Files[$start..([Math]::Min($start + 39, $Files.Count - 1))])
        & $Tool sign @Signing @batch
        if ($LASTEXITCODE -ne 0) { throw "signtool failed (exit $LASTEXITCODE)" }
    }
}

function Get-SignatureReport {
    param([string] $Folder)
    $root = (Resolve-Path -LiteralPath $Folder).ProviderPath.TrimEnd('\') + '\'
    Get-ChildItem -LiteralPath $root -Recurse -File |
        Where-Object { $_.Extension -in @('.exe', '.dll', '.pyd') } |
        ForEach-Object {
            $signature = Get-AuthenticodeSignature -LiteralPath $_.FullName
            $signer = ''
            if ($signature.SignerCertificate) {
                $signer = $signature.SignerCertificate.GetNameInfo('SimpleName', $false)
            }
            [pscustomobject]@{
                File   = $_.FullName.Substring($root.Length)
                Path   = $_.FullName
                Status = [string] $signature.Status
                Signer = $signer
            }
        }
}

if (-not (Test-Path -LiteralPath $BuildFolder -PathType Container)) {
    throw "No build at ${BuildFolder}: run 'python installer\build.py' first."
}
if ($Package -and $Installer) { throw 'Use -Package or -Installer, not both.' }

$signTool = Find-Tool -Given $SignToolPath -Name 'signtool.exe' -Candidates @(
    "${env:ProgramFiles(x86)}\Windows Kits\10\bin\*\x64\signtool.exe",
    "${env:ProgramFiles}\Windows Kits\10\bin\*\x64\signtool.exe"
)
$signing = Get-SigningArgument -ParameterSet $PSCmdlet.ParameterSetName

# 1. The build.
$before = @(Get-SignatureReport -Folder $BuildFolder)
$broken = @($before | Where-Object { $_.Status -notin @('Valid', 'NotSigned') })
if ($broken.Count -gt 0) {
    $broken | Format-Table -AutoSize File, Status, Signer | Out-Host
    throw 'Some files carry a signature that is not valid (listed above); nothing was signed.'
}
$alreadySigned = @($before | Where-Object { $_.Status -eq 'Valid' })
$toSign = @($before | Where-Object { $_.Status -eq 'NotSigned' } |
    Where-Object { $PSCmdlet.ShouldProcess($_.File, 'Sign') })

if ($toSign.Count -gt 0) {
    Invoke-SignTool -Tool $signTool -Signing $signing -Files @($toSign | ForEach-Object { $_.Path })
    $after = @(Get-SignatureReport -Folder $BuildFolder)
    $stillBad = @($after | Where-Object { $_.Status -ne 'Valid' -and $_.Path -in $toSign.Path })
    if ($stillBad.Count -gt 0) {
        $stillBad | Format-Table -AutoSize File, Status | Out-Host
        throw 'These files are not validly signed after signing (listed above).'
    }
}

Write-Output "Signed now ($($toSign.Count)):"
$toSign | Sort-Object File | Format-Table -AutoSize File | Out-String | Write-Output
Write-Output "Already signed by their publisher, left alone ($($alreadySigned.Count)):"
$alreadySigned | Sort-Object Signer, File | Format-Table -AutoSize Signer, File |
    Out-String | Write-Output

# 2. The installer.
if ($Package) {
    $iscc = Find-Tool -Given $IsccPath -Name 'ISCC.exe' -Candidates @(
        "${env:LOCALAPPDATA}\Programs\Inno Setup 6\ISCC.exe",
        "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
        "${env:ProgramFiles}\Inno Setup 6\ISCC.exe"
    )
    # Inno runs this command for each file it signs; $q is a quote, $f the file and $$ a dollar
    # (Inno's syntax, hence single quotes here so PowerShell leaves the dollars alone).
    $quoted = foreach ($argument in $signing) {
        $escaped = $argument.Replace('$', '$$')
        if ($escaped -match '\s') { '$q' + $escaped + '$q' } else { $escaped }
    }
    $command = '$q' + $signTool + '$q sign ' + ($quoted -join ' ') + ' $f'
    $script = Join-Path $PSScriptRoot 'casebook.iss'
    if ($PSCmdlet.ShouldProcess($script, 'Compile and sign the installer')) {
        & $iscc '/DSign' "/Scasebook=$command" $script
        if ($LASTEXITCODE -ne 0) { throw "ISCC failed (exit $LASTEXITCODE)" }
        $output = Join-Path $PSScriptRoot '..\dist\installer'  # OutputDir in casebook.iss
        $Installer = Get-ChildItem -LiteralPath $output -Filter '*-setup.exe' |
            Sort-Object LastWriteTime -Descending |
            Select-Object -First 1 -ExpandProperty FullName
    }
}
elseif ($Installer) {
    if (-not (Test-Path -LiteralPath $Installer -PathType Leaf)) {
        throw "No installer at $Installer"
    }
    Write-Warning ('Signing a compiled setup leaves its temporary self-copies and uninstaller ' +
        'unsigned; -Package signs them too.')
    if ($PSCmdlet.ShouldProcess($Installer, 'Sign')) {
        $setup = (Resolve-Path -LiteralPath $Installer).ProviderPath
        Invoke-SignTool -Tool $signTool -Signing $signing -Files @($setup)
    }
}

if ($Installer -and -not $WhatIfPreference) {
    $status = (Get-AuthenticodeSignature -LiteralPath $Installer).Status
    if ($status -ne 'Valid') { throw "The installer's signature is $status, not Valid: $Installer" }
    Write-Output "Installer signed: $Installer"
}
