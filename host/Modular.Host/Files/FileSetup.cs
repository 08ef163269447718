using Modular.Sdk;

namespace Modular.Host.Files;

public static class FileSetup
{
    /// <summary>The file store (uploads in the database) and the request size it allows.</summary>
    public static FileStoreOptions AddFileStore(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var files = builder.Configuration.GetSection("Files").Get<FileStoreOptions>() ?? new FileStoreOptions();
        services.AddSingleton(files);
        // Uploads larger than the file settings allow are refused before they are read (413, explained on the error page).
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = files.MaxRequestBytes);
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = files.MaxRequestBytes);
        services.AddDbContext<FileDbContext>((sp, o) =>
            sp.GetRequiredService<IModuleDatabase>().Configure(o, FileDbContext.ModuleId, typeof(FileDbContext).Assembly), optionsLifetime: ServiceLifetime.Singleton);
        services.AddScoped<IFileStore, FileStore>();
        return files;
    }

    /// <summary>A body announced larger than the file settings allow is refused before anything reads it (the error page explains).</summary>
    public static void UseRequestSizeLimit(this WebApplication app)
    {
        var maxRequest = app.Services.GetRequiredService<FileStoreOptions>().MaxRequestBytes;
        app.Use((http, next) =>
        {
            if (http.Request.ContentLength > maxRequest && http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
            {
                http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return Task.CompletedTask;
            }
            return next(http);
        });
    }
}
