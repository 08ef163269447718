namespace Modular.Host.Plugins;

/// <summary>The one reading of module URLs: <c>/m/&lt;id&gt;/...</c>, APIs under <c>/m/&lt;id&gt;/api</c>.</summary>
public static class ModulePaths
{
    /// <summary>The module id of a path under /m/, or null.</summary>
    public static string? ModuleId(PathString path)
    {
        if (!path.StartsWithSegments("/m", out var rest) || !rest.HasValue) return null;
        var segment = rest.Value!.TrimStart('/');
        var slash = segment.IndexOf('/');
        var id = slash < 0 ? segment : segment[..slash];
        return id.Length == 0 ? null : id;
    }

    public static bool IsApi(PathString path) =>
        ModuleId(path) is { } id && path.StartsWithSegments($"/m/{id}/api");

    public static bool IsStaticAsset(PathString path, string moduleId) => path.StartsWithSegments($"/m/{moduleId}/static");
}
