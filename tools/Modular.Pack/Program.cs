using System.Security.Cryptography;
using Modular.Plugins.Packages;
using Modular.Pack;

// modpack pack <plugin folder> [--out <dir>] [--key <private key .pem>] [--publisher <name>]
// modpack sign <plugin folder> --key <private key .pem> [--publisher <name>]   (signs a deployed folder in place)
// modpack keygen <private key .pem>      (prints the public key for the platform's allow-list of publishers)
return args.FirstOrDefault() switch
{
    "pack" when args.Length >= 2 => Pack(args[1], Option("--out") ?? ".", Option("--key"), Option("--publisher")),
    "sign" when args.Length >= 2 && Option("--key") is { } signKey => Sign(args[1], signKey, Option("--publisher")),
    "keygen" when args.Length >= 2 => KeyGen(args[1]),
    _ => Usage(),
};

string? Option(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

// Checks what it packs first (PackPlan) and packs nothing when anything is wrong; says what it leaves out and what it packs.
int Pack(string folder, string output, string? keyFile, string? publisher)
{
    var plan = PackPlan.For(folder);
    if (plan.Errors.Count > 0)
    {
        Console.Error.WriteLine($"Not packed: {folder}");
        foreach (var error in plan.Errors) Console.Error.WriteLine($"  {error}");
        return plan.Manifest is null && !File.Exists(Path.Combine(folder, "plugin.json")) ? 2 : 3;
    }
    foreach (var left in plan.LeftOut) Console.WriteLine($"left out  {left.Path} ({left.Reason})");
    foreach (var f in plan.Files) Console.WriteLine($"{Size(f.Length),10}  {f.Path}");
    Console.WriteLine($"{Size(plan.Files.Sum(f => f.Length)),10}  {plan.Files.Count} files, built against Modular.Sdk {plan.BuiltAgainst}");
    using var key = keyFile is null ? null : LoadKey(keyFile);
    // Exactly the planned files: staged apart, so that nothing is dropped unseen.
    var staging = Directory.CreateTempSubdirectory("modpack-").FullName;
    try
    {
        foreach (var f in plan.Files)
        {
            var target = Path.Combine(staging, f.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(f.FullName, target);
        }
        var file = PackageFormat.Pack(staging, output, key, publisher);
        Console.WriteLine($"{Size(new FileInfo(file).Length),10}  {file}");
    }
    finally
    {
        Directory.Delete(staging, true);
    }
    if (key is not null) Console.WriteLine($"signed by key {PackageFormat.KeyId(key.ExportSubjectPublicKeyInfo())}");
    return 0;
}

static string Size(long bytes) => bytes switch
{
    < 1024 => $"{bytes} B",
    < 1024 * 1024 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KB"),
    _ => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MB"),
};

// Central IT signs the plugin folders it deploys itself (first-party modules outside Development): package.sha256 and
// package.sig are written into the folder, which the host checks at every start like an uploaded package.
int Sign(string folder, string keyFile, string? publisher)
{
    if (!File.Exists(Path.Combine(folder, "plugin.json")))
    {
        Console.Error.WriteLine($"No plugin.json in {folder}: point modpack at the deployed plugin folder.");
        return 2;
    }
    using var key = LoadKey(keyFile);
    PackageFormat.SignFolder(folder, key, publisher ?? "unknown");
    Console.WriteLine($"{folder} signed by key {PackageFormat.KeyId(key.ExportSubjectPublicKeyInfo())}");
    return 0;
}

int KeyGen(string privateKeyFile)
{
    if (File.Exists(privateKeyFile))
    {
        Console.Error.WriteLine($"{privateKeyFile} exists; not overwritten.");
        return 2;
    }
    using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    File.WriteAllText(privateKeyFile, key.ExportPkcs8PrivateKeyPem());
    if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(privateKeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    var publicKey = key.ExportSubjectPublicKeyInfo();
    Console.WriteLine($"private key: {privateKeyFile} (keep it secret)");
    Console.WriteLine($"key id:      {PackageFormat.KeyId(publicKey)}");
    Console.WriteLine($"public key:  {Convert.ToBase64String(publicKey)}");
    return 0;
}

static ECDsa LoadKey(string file)
{
    var key = ECDsa.Create();
    key.ImportFromPem(File.ReadAllText(file));
    return key;
}

static int Usage()
{
    Console.Error.WriteLine("usage: modpack pack <plugin folder> [--out <dir>] [--key <private key .pem>] [--publisher <name>]");
    Console.Error.WriteLine("       modpack sign <plugin folder> --key <private key .pem> [--publisher <name>]");
    Console.Error.WriteLine("       modpack keygen <private key .pem>");
    return 1;
}
