using Autofac;
using Autofac.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.Plugins;
using Modular.Host.Shell;

namespace Modular.Tests.Hosting;

/// <summary>
/// The request's services hand out the container's singletons from a table and everything else from the request's
/// scope, as Autofac would; tag helpers are made as MVC makes them.
/// </summary>
public sealed class RequestServicesTests
{
    private sealed class Single;
    private sealed class PerRequest;
    private sealed class PerUse;
    private sealed class PluginSingle;

    private static IContainer Container(Action<ContainerBuilder>? more = null)
    {
        var builder = new ContainerBuilder();
        builder.RegisterType<Single>().SingleInstance();
        builder.RegisterType<PerRequest>().InstancePerLifetimeScope();
        builder.RegisterType<PerUse>().InstancePerDependency();
        more?.Invoke(builder);
        return builder.Build();
    }

    [Fact]
    public void Singletons_are_the_containers_and_scoped_and_transient_services_stay_per_scope_and_use()
    {
        using var container = Container();
        using var first = container.BeginLifetimeScope();
        using var second = container.BeginLifetimeScope();
        var a = RequestServices.Over(new AutofacServiceProvider(first));
        var b = RequestServices.Over(new AutofacServiceProvider(second));

        Assert.Same(container.Resolve<Single>(), a.GetService(typeof(Single)));
        Assert.Same(a.GetService(typeof(Single)), b.GetService(typeof(Single)));
        Assert.Same(first.Resolve<PerRequest>(), a.GetService(typeof(PerRequest)));
        Assert.Same(a.GetService(typeof(PerRequest)), a.GetService(typeof(PerRequest)));
        Assert.NotSame(a.GetService(typeof(PerRequest)), b.GetService(typeof(PerRequest)));
        Assert.NotSame(a.GetService(typeof(PerUse)), a.GetService(typeof(PerUse)));
        Assert.Null(a.GetService(typeof(PluginSingle)));
        Assert.ThrowsAny<Exception>(() => a.GetRequiredService(typeof(PluginSingle)));
    }

    [Fact]
    public void A_live_plugin_scope_has_its_own_table_and_sees_its_own_singletons()
    {
        using var container = Container();
        using var plugin = container.BeginLifetimeScope(b => b.RegisterType<PluginSingle>().SingleInstance());
        using var hostRequest = container.BeginLifetimeScope();
        using var pluginRequest = plugin.BeginLifetimeScope();
        var host = RequestServices.Over(new AutofacServiceProvider(hostRequest));
        var withPlugin = RequestServices.Over(new AutofacServiceProvider(pluginRequest));

        // Asked on the host first: not there, and that answer must not stick to the plugin scope's requests.
        Assert.Null(host.GetService(typeof(PluginSingle)));
        Assert.NotNull(withPlugin.GetService(typeof(PluginSingle)));
        Assert.Same(plugin.Resolve<PluginSingle>(), withPlugin.GetService(typeof(PluginSingle)));
        Assert.Same(container.Resolve<Single>(), withPlugin.GetService(typeof(Single)));
    }

    private sealed class NeedsServices(Single single, PerRequest perRequest) : TagHelper
    {
        public Single Single { get; } = single;
        public PerRequest PerRequest { get; } = perRequest;
        [ViewContext] public ViewContext? ViewContext { get; set; }
        public string? SetByInitializer { get; set; }
    }

    private sealed class Plain : TagHelper
    {
        [ViewContext] public ViewContext? ViewContext { get; set; }
    }

    private sealed class Initializer : ITagHelperInitializer<NeedsServices>
    {
        public void Initialize(NeedsServices helper, ViewContext context) => helper.SetByInitializer = "initialized";
    }

    private static ViewContext ViewContextOver(IServiceProvider services) => new(
        new ActionContext(new DefaultHttpContext { RequestServices = services }, new RouteData(), new ActionDescriptor()),
        NullView.Instance, new ViewDataDictionary(new EmptyModelMetadataProvider(), new ModelStateDictionary()),
        new TempDataDictionary(new DefaultHttpContext(), new NullTempDataProvider()), TextWriter.Null, new HtmlHelperOptions());

    [Fact]
    public void Tag_helpers_get_their_services_their_view_context_and_the_registered_initializers()
    {
        using var container = Container(b => b.RegisterType<Initializer>().As<ITagHelperInitializer<NeedsServices>>().SingleInstance());
        using var request = container.BeginLifetimeScope();
        var context = ViewContextOver(RequestServices.Over(new AutofacServiceProvider(request)));
        var factory = new CachedTagHelperFactory();

        var helper = factory.CreateTagHelper<NeedsServices>(context);
        Assert.Same(container.Resolve<Single>(), helper.Single);
        Assert.Same(request.Resolve<PerRequest>(), helper.PerRequest);
        Assert.Same(context, helper.ViewContext);
        Assert.Equal("initialized", helper.SetByInitializer);
        Assert.NotSame(helper, factory.CreateTagHelper<NeedsServices>(context));

        var plain = factory.CreateTagHelper<Plain>(context);
        Assert.Same(context, plain.ViewContext);
    }

    [Fact]
    public void Without_the_request_wrapper_tag_helpers_still_get_their_initializers()
    {
        var services = new ServiceCollection().AddSingleton<Single>().AddScoped<PerRequest>()
            .AddSingleton<ITagHelperInitializer<NeedsServices>, Initializer>().BuildServiceProvider();
        using var scope = services.CreateScope();
        var helper = new CachedTagHelperFactory().CreateTagHelper<NeedsServices>(ViewContextOver(scope.ServiceProvider));
        Assert.Equal("initialized", helper.SetByInitializer);
    }

    private sealed class NullView : IView
    {
        public static readonly NullView Instance = new();
        public string Path => "";
        public Task RenderAsync(ViewContext context) => Task.CompletedTask;
    }

    private sealed class NullTempDataProvider : ITempDataProvider
    {
        public IDictionary<string, object> LoadTempData(HttpContext context) => new Dictionary<string, object>();
        public void SaveTempData(HttpContext context, IDictionary<string, object> values) { }
    }
}
