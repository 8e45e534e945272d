using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace SidecarGen.Diagnostics.AppCode;

/// <summary>
/// The attribute routes of a controller as MVC builds them (<c>MapControllers</c> maps only these):
/// the class's <c>[Route]</c> templates combined with each action's (a template starting with <c>/</c>
/// or <c>~/</c> stands alone), <c>[controller]</c> and <c>[action]</c> replaced, any other token taken as
/// a parameter. Only actions a GET can reach count.
/// </summary>
internal static class ControllerRoutes
{
    private const string ControllerSuffix = "Controller";
    private const string AsyncSuffix = "Async";

    // The HTTP-method attributes that exclude GET; any other method provider may admit it.
    private static readonly string[] NotGet = { "HttpPostAttribute", "HttpPutAttribute", "HttpDeleteAttribute", "HttpPatchAttribute", "HttpHeadAttribute", "HttpOptionsAttribute" };

    /// <summary>
    /// Adds the GET routes of <paramref name="type"/> to <paramref name="routes"/> (none when it is no
    /// controller); false when some of its actions cannot be known: they come from a base class compiled elsewhere.
    /// </summary>
    public static bool Read(INamedTypeSymbol type, AppSymbols symbols, List<RoutePattern> routes)
    {
        var templates = symbols.Type(WellKnownTypes.RouteTemplateProvider);
        if (templates is null || !IsController(type, symbols))
        {
            return true;
        }

        var known = true;
        var declaring = new List<INamedTypeSymbol>();
        for (var current = type; current is { SpecialType: not SpecialType.System_Object }; current = current.BaseType)
        {
            if (current.Locations.Length > 0 && current.Locations[0].IsInSource)
            {
                declaring.Add(current);
            }
            else if (!IsMvcBase(current, symbols))
            {
                known = false;
            }
        }

        foreach (var declared in declaring)
        {
            Read(type, declared, symbols, templates, routes);
        }

        return known;
    }

    private static bool IsMvcBase(INamedTypeSymbol type, AppSymbols symbols) =>
        SymbolEqualityComparer.Default.Equals(type, symbols.Type(WellKnownTypes.ControllerBase))
        || SymbolEqualityComparer.Default.Equals(type, symbols.Type(WellKnownTypes.Controller));

    private static void Read(INamedTypeSymbol type, INamedTypeSymbol declaring, AppSymbols symbols, INamedTypeSymbol templates, List<RoutePattern> routes)
    {
        var controller = type.Name.EndsWith(ControllerSuffix, StringComparison.OrdinalIgnoreCase)
            ? type.Name.Substring(0, type.Name.Length - ControllerSuffix.Length)
            : type.Name;
        // [Route] is inherited: the nearest class that has one gives the templates.
        var classTemplates = new List<string>();
        for (var current = type; current is not null && classTemplates.Count == 0; current = current.BaseType)
        {
            classTemplates = Templates(current.GetAttributes(), templates);
        }

        foreach (var member in declaring.GetMembers())
        {
            if (member is not IMethodSymbol { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Public, IsStatic: false } method
                || Has(method, symbols.Type(WellKnownTypes.NonActionAttribute))
                || !AdmitsGet(method, symbols))
            {
                continue;
            }

            var action = method.Name.EndsWith(AsyncSuffix, StringComparison.Ordinal) ? method.Name.Substring(0, method.Name.Length - AsyncSuffix.Length) : method.Name;
            var actionTemplates = Templates(method.GetAttributes(), templates);
            if (actionTemplates.Count == 0)
            {
                actionTemplates.Add(string.Empty);
            }

            foreach (var actionTemplate in actionTemplates)
            {
                if (actionTemplate.StartsWith("/", StringComparison.Ordinal) || actionTemplate.StartsWith("~/", StringComparison.Ordinal))
                {
                    routes.Add(RoutePattern.Parse(Replace(actionTemplate, controller, action)));
                    continue;
                }

                // Without a class template, an action's own template is the route; without either, the action has no attribute route.
                if (classTemplates.Count == 0 && actionTemplate.Length > 0)
                {
                    routes.Add(RoutePattern.Parse(Replace(actionTemplate, controller, action)));
                }

                foreach (var classTemplate in classTemplates)
                {
                    routes.Add(RoutePattern.Parse(Replace(actionTemplate, controller, action)).Under(RoutePattern.Parse(Replace(classTemplate, controller, action))));
                }
            }
        }
    }

    // The name first: most types of an app are no controller, and the attributes are read only for those that may be.
    private static bool IsController(INamedTypeSymbol type, AppSymbols symbols) =>
        type is { TypeKind: TypeKind.Class, IsAbstract: false, IsGenericType: false, DeclaredAccessibility: Accessibility.Public }
        && (type.Name.EndsWith(ControllerSuffix, StringComparison.OrdinalIgnoreCase) || Has(type, symbols.Type(WellKnownTypes.ControllerAttribute)))
        && !Has(type, symbols.Type(WellKnownTypes.NonControllerAttribute));

    /// <summary>The symbol or a base type carries the attribute (MVC's markers are inherited).</summary>
    private static bool Has(ISymbol symbol, INamedTypeSymbol? attribute)
    {
        if (attribute is null)
        {
            return false;
        }

        for (var current = symbol; current is not null; current = (current as INamedTypeSymbol)?.BaseType)
        {
            foreach (var data in current.GetAttributes())
            {
                if (data.AttributeClass.IsOrInherits(attribute))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool AdmitsGet(IMethodSymbol method, AppSymbols symbols)
    {
        var providers = symbols.Type(WellKnownTypes.ActionHttpMethodProvider);
        var restricted = false;
        foreach (var data in method.GetAttributes())
        {
            if (!data.AttributeClass.IsOrInherits(providers))
            {
                continue;
            }

            if (Array.IndexOf(NotGet, data.AttributeClass!.Name) < 0)
            {
                return true;
            }

            restricted = true;
        }

        return !restricted;
    }

    /// <summary>The templates of the route attributes (null templates, as in a bare <c>[HttpGet]</c>, add none).</summary>
    private static List<string> Templates(IEnumerable<AttributeData> attributes, INamedTypeSymbol templates)
    {
        var found = new List<string>();
        foreach (var data in attributes)
        {
            if (data.AttributeClass.IsOrInherits(templates)
                && data.ConstructorArguments.Length > 0
                && data.ConstructorArguments[0].Value is string template)
            {
                found.Add(template);
            }
        }

        return found;
    }

    /// <summary>Replaces MVC's route tokens; any token other than <c>[controller]</c> and <c>[action]</c> (an area) may be anything.</summary>
    private static string Replace(string template, string controller, string action)
    {
        var text = template;
        for (var open = text.IndexOf('['); open >= 0; open = text.IndexOf('[', open + 1))
        {
            var close = text.IndexOf(']', open);
            if (close < 0)
            {
                break;
            }

            var token = text.Substring(open + 1, close - open - 1);
            var value = token.Equals("controller", StringComparison.OrdinalIgnoreCase) ? controller
                : token.Equals("action", StringComparison.OrdinalIgnoreCase) ? action
                : "{" + token + "}";
            text = text.Substring(0, open) + value + text.Substring(close + 1);
        }

        return text;
    }
}
