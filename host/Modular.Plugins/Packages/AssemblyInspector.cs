using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using Modular.Sdk;

namespace Modular.Plugins.Packages;

/// <summary>What a plugin's entry assembly says about itself, read from its metadata without loading it.</summary>
public sealed class AssemblyFacts
{
    public List<string> Errors { get; } = [];
    /// <summary>The SDK version it was compiled against (its reference to Modular.Sdk), if any.</summary>
    public SemanticVersion? BuiltAgainst { get; set; }
}

/// <summary>
/// Every check of an entry assembly that needs no code of it to run (System.Reflection.Metadata): a .NET assembly, one
/// public class implementing <see cref="IModule"/>, the SDK version it was built against, and, for every widget, to-do
/// provider, job, shared record source, menu item check, report section and demo seeder it defines, the module id its <c>ModuleId</c>
/// returns (and a source's <c>Kind</c>) when that is a constant in its IL. What only running code can tell (which of them
/// it registers, by type or by factory, its DbContexts' ids, its permissions) is checked when it registers.
/// </summary>
public sealed class AssemblyInspector
{
    private const string Sdk = "Modular.Sdk";

    private static readonly Dictionary<string, string> Contributions = new(StringComparer.Ordinal)
    {
        [nameof(IDashboardWidget)] = "首页卡片",
        [nameof(ITodoProvider)] = "待办来源",
        [nameof(IScheduledJob)] = "定时任务",
        [nameof(ISharedRecordSource)] = "共享记录来源",
        [nameof(IDemoDataSeeder)] = "演示数据",
        [nameof(IMenuItemCheck)] = "菜单显示条件",
        [nameof(IReportSection)] = "月报栏目",
        [nameof(IMemberMovedHandler)] = "党员转接处理",
        [nameof(IIndicatorSource)] = "考核指标",
    };

    public AssemblyFacts Inspect(byte[] assembly, string entryName, string pluginId)
    {
        var facts = new AssemblyFacts();
        try
        {
            using var pe = new PEReader(new MemoryStream(assembly));
            if (!pe.HasMetadata)
            {
                facts.Errors.Add($"入口程序集 {entryName} 不是 .NET 程序集。");
                return facts;
            }
            var md = pe.GetMetadataReader();
            foreach (var handle in md.AssemblyReferences)
            {
                var reference = md.GetAssemblyReference(handle);
                if (md.GetString(reference.Name) != Sdk) continue;
                var v = reference.Version;
                facts.BuiltAgainst = new SemanticVersion(v.Major, v.Minor, Math.Max(0, v.Build));
            }
            if (facts.BuiltAgainst is { } built && !SdkSupport.Supported.Includes(built))
                facts.Errors.Add($"插件按 SDK {built} 编译，本平台支持 SDK {SdkSupport.Supported}。");

            var modules = 0;
            var undecided = false; // a public class whose base comes from another library could implement IModule unseen
            foreach (var typeHandle in md.TypeDefinitions)
            {
                var type = md.GetTypeDefinition(typeHandle);
                var interfaces = SdkInterfaces(md, typeHandle);
                var attributes = type.Attributes;
                var concrete = (attributes & (TypeAttributes.Abstract | TypeAttributes.Interface)) == 0;
                var visibility = attributes & TypeAttributes.VisibilityMask;
                var exported = visibility == TypeAttributes.Public || (visibility == TypeAttributes.NestedPublic && IsExported(md, type));
                if (concrete && exported && interfaces.Contains(nameof(IModule))) modules++;
                else if (concrete && exported && ForeignBase(md, typeHandle)) undecided = true;
                if (!concrete) continue;
                foreach (var contract in interfaces.Where(Contributions.ContainsKey))
                {
                    var name = md.GetString(type.Name);
                    var moduleId = ConstantGetter(pe, md, typeHandle, contract, "ModuleId");
                    if (moduleId is not null && moduleId != pluginId)
                        facts.Errors.Add($"{Contributions[contract]} {name} 登记在模块“{moduleId}”名下，而插件的标识是“{pluginId}”。");
                    if (contract == nameof(ISharedRecordSource) && ConstantGetter(pe, md, typeHandle, contract, "Kind") is { } kind
                        && !kind.StartsWith(pluginId + ".", StringComparison.Ordinal))
                        facts.Errors.Add($"共享记录来源 {name} 的记录类型“{kind}”须以“{pluginId}.”开头。");
                }
            }
            if (modules == 0 && !undecided) facts.Errors.Add("入口程序集中没有实现 IModule 的公开类。");
            else if (modules > 1) facts.Errors.Add("入口程序集中有多个实现 IModule 的类。");
        }
        catch (BadImageFormatException)
        {
            facts.Errors.Add($"入口程序集 {entryName} 不是 .NET 程序集。");
        }
        return facts;
    }

    private static bool IsExported(MetadataReader md, TypeDefinition type)
    {
        while (true)
        {
            var visibility = type.Attributes & TypeAttributes.VisibilityMask;
            if (visibility == TypeAttributes.Public) return true;
            if (visibility != TypeAttributes.NestedPublic) return false;
            type = md.GetTypeDefinition(type.GetDeclaringType());
        }
    }

    /// <summary>The SDK interfaces a type implements: its own, its base classes' in the same assembly, and an SDK base class's (the host has the SDK loaded).</summary>
    private static HashSet<string> SdkInterfaces(MetadataReader md, TypeDefinitionHandle handle)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<TypeDefinitionHandle>();
        while (!handle.IsNil && seen.Add(handle))
        {
            var type = md.GetTypeDefinition(handle);
            foreach (var i in type.GetInterfaceImplementations())
            {
                var implemented = md.GetInterfaceImplementation(i).Interface;
                if (implemented.Kind == HandleKind.TypeReference && SdkTypeName(md, (TypeReferenceHandle)implemented) is { } name) found.Add(name);
            }
            if (type.BaseType.Kind == HandleKind.TypeReference && SdkTypeName(md, (TypeReferenceHandle)type.BaseType) is { } sdkBase
                && typeof(IModule).Assembly.GetType($"{Sdk}.{sdkBase}") is { } loaded)
                foreach (var i in loaded.GetInterfaces().Where(i => i.Assembly == typeof(IModule).Assembly)) found.Add(i.Name);
            handle = type.BaseType.Kind == HandleKind.TypeDefinition ? (TypeDefinitionHandle)type.BaseType : default;
        }
        return found;
    }

    /// <summary>Whether the type's base classes leave the assembly for a library other than the framework's.</summary>
    private static bool ForeignBase(MetadataReader md, TypeDefinitionHandle handle)
    {
        var seen = new HashSet<TypeDefinitionHandle>();
        while (!handle.IsNil && seen.Add(handle))
        {
            var type = md.GetTypeDefinition(handle);
            if (type.BaseType.Kind == HandleKind.TypeDefinition) { handle = (TypeDefinitionHandle)type.BaseType; continue; }
            if (type.BaseType.Kind != HandleKind.TypeReference) return false;
            var scope = md.GetTypeReference((TypeReferenceHandle)type.BaseType).ResolutionScope;
            if (scope.Kind != HandleKind.AssemblyReference) return false;
            var assembly = md.GetString(md.GetAssemblyReference((AssemblyReferenceHandle)scope).Name);
            return !(assembly.StartsWith("System", StringComparison.Ordinal) || assembly.StartsWith("Microsoft.", StringComparison.Ordinal)
                || assembly is "netstandard" or "mscorlib" or Sdk); // the SDK's own base classes are read in SdkInterfaces
        }
        return false;
    }

    private static string? SdkTypeName(MetadataReader md, TypeReferenceHandle handle)
    {
        var reference = md.GetTypeReference(handle);
        if (md.GetString(reference.Namespace) != Sdk) return null;
        if (reference.ResolutionScope.Kind != HandleKind.AssemblyReference) return null;
        var assembly = md.GetAssemblyReference((AssemblyReferenceHandle)reference.ResolutionScope);
        return md.GetString(assembly.Name) == Sdk ? md.GetString(reference.Name) : null;
    }

    /// <summary>
    /// The string a property getter returns when its body is only "return a constant" (as the SDK asks ModuleId to be);
    /// null when it is anything else, which is then judged when the plugin registers.
    /// </summary>
    private static string? ConstantGetter(PEReader pe, MetadataReader md, TypeDefinitionHandle handle, string contract, string property)
    {
        var seen = new HashSet<TypeDefinitionHandle>();
        while (!handle.IsNil && seen.Add(handle))
        {
            var type = md.GetTypeDefinition(handle);
            foreach (var m in type.GetMethods())
            {
                var method = md.GetMethodDefinition(m);
                var name = md.GetString(method.Name);
                if (name != "get_" + property && name != $"{Sdk}.{contract}.get_{property}") continue;
                if (method.RelativeVirtualAddress == 0) return null;
                return ReturnedConstant(md, pe.GetMethodBody(method.RelativeVirtualAddress).GetILBytes());
            }
            handle = type.BaseType.Kind == HandleKind.TypeDefinition ? (TypeDefinitionHandle)type.BaseType : default;
        }
        return null;
    }

    /// <summary>"ldstr s; ret", or the debug build's "nop; ldstr s; stloc.0; br.s; ldloc.0; ret".</summary>
    private static string? ReturnedConstant(MetadataReader md, byte[]? il)
    {
        if (il is null) return null;
        var i = 0;
        while (i < il.Length && il[i] == 0x00) i++; // nop
        if (i + 5 > il.Length || il[i] != 0x72) return null; // ldstr
        var token = BitConverter.ToInt32(il, i + 1);
        i += 5;
        int Skip(int at) { while (at < il.Length && il[at] == 0x00) at++; return at; }
        bool Returns(int at) => Skip(at) is var r && r == il.Length - 1 && il[r] == 0x2A;
        var j = Skip(i);
        var debug = j < il.Length && il[j] == 0x0A // stloc.0
            && Skip(j + 1) is var b && b + 1 < il.Length && il[b] == 0x2B // br.s
            && Skip(b + 2) is var l && l < il.Length && il[l] == 0x06 // ldloc.0
            && Returns(l + 1);
        if (!Returns(i) && !debug) return null;
        if ((token >> 24) != 0x70) return null; // a user string
        return md.GetUserString(MetadataTokens.UserStringHandle(token & 0x00FFFFFF));
    }
}
