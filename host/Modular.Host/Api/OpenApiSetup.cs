using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.OpenApi;
using Modular.Host.Oidc;
using Modular.Host.Plugins;
using Modular.Sdk;

namespace Modular.Host.Api;

/// <summary>
/// The OpenAPI document of the portal's APIs (<see cref="DocumentPath"/>): the host's <c>/api/…</c> and every running
/// module's <c>/m/&lt;id&gt;/api/…</c>, one tag per module, each operation naming the permission it needs, secured by
/// OAuth 2.0 client credentials at the portal's token endpoint. Built from the endpoints on each request, so a plugin
/// installed while the portal runs appears as soon as its endpoints do.
/// </summary>
public static class OpenApiSetup
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/v1.json";
    public const string SchemeName = "oauth2";
    public const string HostTag = "host";

    /// <summary>The path as the document writes it: "/m/notes/api/notes/{id}" for the route "…/{id:int}".</summary>
    public static string PathOf(ApiDescription description) =>
        "/" + System.Text.RegularExpressions.Regex.Replace(description.RelativePath ?? "", @"\{\*{0,2}([^}:=?]+)[^}]*\}", "{$1}");

    /// <summary>The module of an API description, or null for an endpoint of the host.</summary>
    public static string? ModuleOf(ApiDescription description) =>
        description.ActionDescriptor.EndpointMetadata.OfType<ModuleEndpointMetadata>().FirstOrDefault()?.ModuleId;

    private static string? ModuleIdOf(string path) => ModulePaths.ModuleId(new PathString(path));

    /// <summary>The permissions an endpoint declares (<c>.RequirePermission</c>).</summary>
    public static IReadOnlyList<string> PermissionsOf(ApiDescription description) =>
        description.ActionDescriptor.EndpointMetadata.OfType<RequirePermissionAttribute>().Select(p => p.Permission).Distinct().ToList();

    /// <summary>Whether the endpoint belongs in the document: module APIs and the host's <c>/api/…</c>.</summary>
    public static bool IsDocumented(ApiDescription description) =>
        ModuleOf(description) is not null || description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;

    /// <summary>Serves the document; to the platform administrator only unless <c>Modular:Api:PublicDocument</c> is true.</summary>
    public static void MapPortalOpenApi(this WebApplication app)
    {
        var document = app.MapOpenApi("/openapi/{documentName}.json");
        if (app.Configuration.GetValue("Modular:Api:PublicDocument", false)) document.AllowAnonymous();
        else document.RequireAuthorization(Policies.PlatformAdmin);
    }

    public static IServiceCollection AddPortalOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, o =>
        {
            o.ShouldInclude = IsDocumented;
            o.AddDocumentTransformer((document, context, ct) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Modular API",
                    Version = SdkInfo.Version.ToString(),
                    Description = "Module APIs of the portal. An application obtains an access token with client credentials " +
                                  "(scope `modules`, parameter `agency_id`) and reads what the platform granted it in that agency. " +
                                  "Errors are RFC 7807 problem details. See /Platform/Integrators.",
                };
                var request = context.ApplicationServices.GetRequiredService<IHttpContextAccessor>().HttpContext?.Request;
                var tokenUrl = request is null ? "/connect/token" : $"{request.Scheme}://{request.Host}{request.PathBase}/connect/token";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.OAuth2,
                    Description = "Client credentials; name the agency with agency_id in the token request.",
                    Flows = new OpenApiOAuthFlows
                    {
                        ClientCredentials = new OpenApiOAuthFlow
                        {
                            TokenUrl = new Uri(tokenUrl, UriKind.RelativeOrAbsolute),
                            Scopes = new Dictionary<string, string> { [OidcScopes.ModulesApi] = "The portal's module APIs" },
                        },
                    },
                };
                // Endpoints of a plugin that failed stay mapped (behind the gate): not part of the portal's API.
                var catalog = context.ApplicationServices.GetRequiredService<Modular.Plugins.PluginCatalog>();
                foreach (var path in document.Paths.Keys.Where(p => ModuleIdOf(p) is { } id && !catalog.IsRunning(id)).ToList())
                    document.Paths.Remove(path);
                // One tag per module that has operations, named by its id and described by its name.
                var used = document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []).SelectMany(op => op.Tags ?? Enumerable.Empty<OpenApiTagReference>()).Select(t => t.Name).ToHashSet();
                document.Tags = new HashSet<OpenApiTag>();
                if (used.Contains(HostTag)) document.Tags.Add(new OpenApiTag { Name = HostTag, Description = "The portal itself" });
                foreach (var plugin in catalog.Running.Where(p => used.Contains(p.Id)))
                    document.Tags.Add(new OpenApiTag { Name = plugin.Id, Description = plugin.Name.Zh });
                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, ct) =>
            {
                // One tag per module (instead of the assembly's name the generator gives), "host" for the host's own.
                operation.Tags = new HashSet<OpenApiTagReference> { new(ModuleOf(context.Description) ?? HostTag, context.Document) };
                var permissions = PermissionsOf(context.Description);
                operation.Description = permissions.Count == 0
                    ? "Permission: none declared (signed-in people only; not open to applications)."
                    : "Permission: " + string.Join(", ", permissions);
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [OidcScopes.ModulesApi],
                });
                return Task.CompletedTask;
            });
        });
}
