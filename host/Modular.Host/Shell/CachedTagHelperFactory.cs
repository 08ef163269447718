using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Modular.Host.Plugins;

namespace Modular.Host.Shell;

/// <summary>
/// Creates tag helpers as MVC's own factory does (constructor from the request's services, [ViewContext] properties,
/// registered initializers), but asks the container once per type whether any initializer exists: MVC resolved an empty
/// collection of initializers through Autofac for every tag, a seventh of a list page's allocations (a select of 100
/// options is 100 tag helpers).
/// </summary>
public sealed class CachedTagHelperFactory : ITagHelperFactory
{
    private readonly ConcurrentDictionary<Type, Kind> _kinds = new();

    public TTagHelper CreateTagHelper<TTagHelper>(ViewContext context) where TTagHelper : ITagHelper
    {
        var kind = _kinds.GetOrAdd(typeof(TTagHelper), static t => new Kind(t));
        var services = context.HttpContext.RequestServices;
        var tagHelper = (TTagHelper)kind.Create(services, null);
        foreach (var set in kind.ViewContextSetters) set(tagHelper, context);
        if (services is not RequestServices known || known.IsRegisteredOnce(typeof(ITagHelperInitializer<TTagHelper>)))
            foreach (var initializer in services.GetServices<ITagHelperInitializer<TTagHelper>>()) initializer.Initialize(tagHelper, context);
        return tagHelper;
    }

    private sealed class Kind(Type type)
    {
        public ObjectFactory Create { get; } = ActivatorUtilities.CreateFactory(type, Type.EmptyTypes);

        public Action<object, ViewContext>[] ViewContextSetters { get; } = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.IsDefined(typeof(ViewContextAttribute)) && p.SetMethod is { IsPublic: true } && p.PropertyType.IsAssignableFrom(typeof(ViewContext)))
            .Select(p =>
            {
                var target = Expression.Parameter(typeof(object));
                var value = Expression.Parameter(typeof(ViewContext));
                return Expression.Lambda<Action<object, ViewContext>>(
                    Expression.Assign(Expression.Property(Expression.Convert(target, type), p), Expression.Convert(value, p.PropertyType)), target, value).Compile();
            })
            .ToArray();
    }
}
