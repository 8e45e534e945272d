using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SidecarGen.Model;

namespace SidecarGen.Reading;

/// <summary>
/// Turns the SidecarGen attributes Roslyn sees on a class into <see cref="DeclaredAttribute"/>s: the
/// neutral form <see cref="DeclarationReader"/> reads, whether it comes from here or from a service
/// description.
/// </summary>
internal static class DeclaredAttributeReader
{
    public static EquatableArray<DeclaredAttribute> Read(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var declared = new List<DeclaredAttribute>();
        var attributes = type.GetAttributes();
        for (var ordinal = 0; ordinal < attributes.Length; ordinal++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var attribute = attributes[ordinal];
            if (attribute.AttributeClass is not { TypeKind: not TypeKind.Error } attributeClass)
            {
                continue;
            }

            if (KnownTypes.IsServiceAttribute(attributeClass) || (KnownTypes.IsSidecarAttribute(attributeClass) && KnownTypes.IsOwn(attributeClass)))
            {
                declared.Add(new DeclaredAttribute(ordinal, attributeClass.MetadataName, ClassConcerns(attributeClass), Constructor(attribute), Named(attribute.NamedArguments)));
            }
            else if (KnownTypes.IsSidecarAttribute(attributeClass))
            {
                declared.Add(new DeclaredAttribute(ordinal, nameof(SidecarAttribute), ClassConcerns(attributeClass), CustomSidecarConstructor(attribute), Named(attribute.NamedArguments)));
            }
        }

        return declared.ToEquatableArray();
    }

    // The readers below loop rather than use LINQ: LINQ over TypedConstant and KeyValuePair, both
    // structs, is JIT-compiled anew in every compiler process (docs/performance.md).
    public static ArgumentValue Value(TypedConstant constant)
    {
        switch (constant.Kind)
        {
            case TypedConstantKind.Error or TypedConstantKind.Type:
                return ArgumentValue.Unreadable;
            case TypedConstantKind.Array when constant.IsNull:
                return ArgumentValue.Array(EquatableArray<ArgumentValue>.Empty, isNull: true);
            case TypedConstantKind.Array:
                var items = ImmutableArray.CreateBuilder<ArgumentValue>(constant.Values.Length);
                foreach (var item in constant.Values)
                {
                    items.Add(Value(item));
                }

                return ArgumentValue.Array(new EquatableArray<ArgumentValue>(items.MoveToImmutable()));
            case TypedConstantKind.Enum:
                return constant.Value is { } value ? ArgumentValue.Enum(value) : ArgumentValue.Unreadable;
            default:
                return ArgumentValue.Constant(constant.Value);
        }
    }

    private static EquatableArray<DeclaredArgument> Constructor(AttributeData attribute)
    {
        var parameters = attribute.AttributeConstructor?.Parameters ?? default;
        var arguments = attribute.ConstructorArguments;
        var declared = ImmutableArray.CreateBuilder<DeclaredArgument>(arguments.Length);
        for (var i = 0; i < arguments.Length; i++)
        {
            declared.Add(new DeclaredArgument(parameters.IsDefault || i >= parameters.Length ? string.Empty : parameters[i].Name, Value(arguments[i])));
        }

        return new EquatableArray<DeclaredArgument>(declared.MoveToImmutable());
    }

    private static EquatableArray<DeclaredArgument> Named(ImmutableArray<KeyValuePair<string, TypedConstant>> arguments)
    {
        var declared = ImmutableArray.CreateBuilder<DeclaredArgument>(arguments.Length);
        foreach (var named in arguments)
        {
            declared.Add(new DeclaredArgument(named.Key, Value(named.Value)));
        }

        return new EquatableArray<DeclaredArgument>(declared.MoveToImmutable());
    }

    /// <summary>The concerns a sidecar attribute class declares with [SidecarConcern], its bases included.</summary>
    private static SidecarConcerns ClassConcerns(INamedTypeSymbol attributeClass)
    {
        var concerns = SidecarConcerns.None;
        for (var current = attributeClass; current is not null; current = current.BaseType)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (attribute.AttributeClass is { } cls
                    && KnownTypes.IsConcernAttribute(cls)
                    && attribute.ConstructorArguments is [{ Value: int value }])
                {
                    concerns |= (SidecarConcerns)value;
                }
            }
        }

        return concerns;
    }

    /// <summary>
    /// A user's sidecar attribute reads as <c>[Sidecar(name, image)]</c> with the name and image its
    /// constructor passes to <c>base(name, image)</c>: null when that call cannot be read.
    /// </summary>
    private static EquatableArray<DeclaredArgument> CustomSidecarConstructor(AttributeData attribute)
    {
        string? name = null;
        string? image = null;
        if (attribute.AttributeConstructor is { } constructor)
        {
            foreach (var (property, value) in BaseConstructorArguments(attribute, constructor))
            {
                if (property == nameof(SidecarAttribute.Name))
                {
                    name = value;
                }
                else
                {
                    image = value;
                }
            }
        }

        return EquatableArray.Of(
            new DeclaredArgument(nameof(SidecarAttribute.Name), ArgumentValue.Constant(name)),
            new DeclaredArgument(nameof(SidecarAttribute.Image), ArgumentValue.Constant(image)));
    }

    /// <summary>
    /// A user's sidecar attribute passes its name and image to <c>base(name, image)</c>. When its
    /// constructor is in source, read that call: string literals as written, and the constructor's own
    /// parameters as the values this usage passed for them.
    /// </summary>
    private static IEnumerable<(string Property, string Value)> BaseConstructorArguments(AttributeData attribute, IMethodSymbol constructor)
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

        string[] baseParameters = { nameof(SidecarAttribute.Name), nameof(SidecarAttribute.Image) };
        var arguments = initializer.ArgumentList.Arguments;
        for (var i = 0; i < arguments.Count && i < baseParameters.Length; i++)
        {
            var target = arguments[i].NameColon is { } nameColon ? AttributeDataAccessor.PropertyName(nameColon.Name.Identifier.ValueText) : baseParameters[i];
            var value = arguments[i].Expression switch
            {
                LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => literal.Token.ValueText,
                IdentifierNameSyntax identifier => constructor.Parameters
                    .Where(p => p.Name == identifier.Identifier.ValueText && p.Ordinal < attribute.ConstructorArguments.Length)
                    .Select(p => attribute.ConstructorArguments[p.Ordinal].Value as string)
                    .FirstOrDefault(),
                _ => null,
            };
            if (value is not null && baseParameters.Contains(target))
            {
                yield return (target, value);
            }
        }
    }
}
