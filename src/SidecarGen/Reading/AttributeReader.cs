using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SidecarGen.Model;

namespace SidecarGen.Reading;

/// <summary>
/// Turns the SidecarGen attributes on a class into a <see cref="ServiceDeclaration"/>. The generator
/// and the analyzers both read through here, so they always see the same service.
/// </summary>
internal static class AttributeReader
{
    /// <summary>The service the class declares, or null when it carries no SidecarGen attribute.</summary>
    public static ServiceDeclaration? Read(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        AttributeArguments? service = null;
        var serviceOrdinal = -1;
        var sidecars = new List<SidecarDeclaration>();
        var attributes = type.GetAttributes();

        for (var ordinal = 0; ordinal < attributes.Length; ordinal++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var attribute = attributes[ordinal];
            if (attribute.AttributeClass is not { TypeKind: not TypeKind.Error } attributeClass)
            {
                continue;
            }

            if (KnownTypes.IsServiceAttribute(attributeClass))
            {
                // A second one is already a compile error (AllowMultiple = false); the first wins so the output stays stable.
                if (service is null)
                {
                    service = ReadArguments(attribute);
                    serviceOrdinal = ordinal;
                }
            }
            else if (KnownTypes.IsSidecarAttribute(attributeClass))
            {
                var (concerns, count) = ClassConcerns(attributeClass);
                sidecars.Add(new SidecarDeclaration(
                    KnownTypes.KindOf(attributeClass),
                    ordinal,
                    concerns,
                    count,
                    ReadArguments(attribute)));
            }
        }

        return service is null && sidecars.Count == 0
            ? null
            : new ServiceDeclaration(service, serviceOrdinal, sidecars.ToEquatableArray());
    }

    /// <summary>The concerns a sidecar attribute class declares with [SidecarConcern], its bases included.</summary>
    private static (Concerns Concerns, int Count) ClassConcerns(INamedTypeSymbol attributeClass)
    {
        var concerns = Concerns.None;
        for (var current = attributeClass; current is not null; current = current.BaseType)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (attribute.AttributeClass is { } cls
                    && KnownTypes.IsConcernAttribute(cls)
                    && attribute.ConstructorArguments is [{ Value: int value }])
                {
                    concerns |= (Concerns)value;
                }
            }
        }

        return (concerns, CountFlags(concerns));
    }

    public static int CountFlags(Concerns concerns)
    {
        var count = 0;
        for (var value = (int)concerns; value != 0; value &= value - 1)
        {
            count++;
        }

        return count;
    }

    private static AttributeArguments ReadArguments(AttributeData attribute)
    {
        var items = new List<AttributeArgument>();

        // Constructor arguments of SidecarGen's own attributes map to the property of the same name
        // (name -> Name, image -> Image). A user's derived constructor says nothing we can read here.
        if (attribute.AttributeConstructor is { } constructor
            && KnownTypes.IsOwn(constructor.ContainingType))
        {
            for (var i = 0; i < attribute.ConstructorArguments.Length && i < constructor.Parameters.Length; i++)
            {
                if (Convert(attribute.ConstructorArguments[i]) is { } value)
                {
                    items.Add(new AttributeArgument(PropertyName(constructor.Parameters[i].Name), value));
                }
            }
        }

        else if (attribute.AttributeConstructor is { } derived)
        {
            items.AddRange(BaseConstructorArguments(attribute, derived));
        }

        foreach (var named in attribute.NamedArguments)
        {
            if (Convert(named.Value) is { } value)
            {
                items.RemoveAll(item => item.Name == named.Key);
                items.Add(new AttributeArgument(named.Key, value));
            }
        }

        return new AttributeArguments(items.ToEquatableArray());
    }

    /// <summary>
    /// A user's sidecar attribute passes its name and image to <c>base(name, image)</c>. When its
    /// constructor is in source, read that call: string literals as written, and the constructor's own
    /// parameters as the values this usage passed for them.
    /// </summary>
    private static IEnumerable<AttributeArgument> BaseConstructorArguments(AttributeData attribute, IMethodSymbol constructor)
    {
        var initializer = constructor.DeclaringSyntaxReferences
            .Select(reference => reference.GetSyntax())
            .OfType<ConstructorDeclarationSyntax>()
            .Select(declaration => declaration.Initializer)
            .FirstOrDefault(init => init is not null && init.IsKind(SyntaxKind.BaseConstructorInitializer));
        if (initializer is null)
        {
            yield break;
        }

        string[] baseParameters = { "Name", "Image" };
        var arguments = initializer.ArgumentList.Arguments;
        for (var i = 0; i < arguments.Count && i < baseParameters.Length; i++)
        {
            var target = arguments[i].NameColon is { } nameColon ? PropertyName(nameColon.Name.Identifier.ValueText) : baseParameters[i];
            var value = arguments[i].Expression switch
            {
                LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => literal.Token.ValueText,
                IdentifierNameSyntax identifier => constructor.Parameters
                    .Where(p => p.Name == identifier.Identifier.ValueText && p.Ordinal < attribute.ConstructorArguments.Length)
                    .Select(p => attribute.ConstructorArguments[p.Ordinal].Value as string)
                    .FirstOrDefault(),
                _ => null,
            };
            if (value is not null)
            {
                yield return new AttributeArgument(target, ArgumentValue.Of(value));
            }
        }
    }

    private static string PropertyName(string parameterName) =>
        parameterName.Length == 0 ? parameterName : char.ToUpperInvariant(parameterName[0]) + parameterName.Substring(1);

    private static ArgumentValue? Convert(TypedConstant constant)
    {
        switch (constant.Kind)
        {
            case TypedConstantKind.Error:
                return null;
            case TypedConstantKind.Array:
                return constant.IsNull
                    ? ArgumentValue.Of((string?)null)
                    : ArgumentValue.Array(constant.Values.Select(item => ScalarText(item) ?? string.Empty).ToEquatableArray());
            default:
                return ArgumentValue.Of(ScalarText(constant));
        }
    }

    private static string? ScalarText(TypedConstant constant) => constant.Value switch
    {
        null => null,
        string text => text,
        bool flag => flag ? "true" : "false",
        ITypeSymbol type => type.ToDisplayString(),
        System.IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString(),
    };
}
