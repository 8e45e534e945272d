using System;
using System.Collections.Generic;
using System.Globalization;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace SidecarGen.Reading;

/// <summary>
/// Copies the arguments Roslyn saw on an attribute onto an instance of its real class from
/// SidecarGen.Abstractions (as Mapperly's <c>AttributeDataAccessor</c> does): constructor arguments
/// through the constructor, named arguments through the property of that name. Whatever the user left
/// out keeps the attribute's own default, so a property's name and default are stated once, there.
/// This is the one place that maps argument names.
/// </summary>
internal static class AttributeDataAccessor
{
    /// <summary>
    /// An instance of <paramref name="attributeType"/> holding what <paramref name="data"/> says, or null
    /// when its arguments cannot be read (the compiler reports those).
    /// </summary>
    public static Attribute? Access(Type attributeType, AttributeData data, ReadContext context)
    {
        var constructorArguments = new object?[data.ConstructorArguments.Length];
        var parameters = data.AttributeConstructor?.Parameters ?? default;
        for (var i = 0; i < constructorArguments.Length; i++)
        {
            var property = parameters.IsDefault || i >= parameters.Length ? null : attributeType.GetProperty(PropertyName(parameters[i].Name));
            if (property is null || !TryConvert(data.ConstructorArguments[i], property.PropertyType, out var value))
            {
                return null;
            }

            context.Written(property.Name, value);
            constructorArguments[i] = value;
        }

        Attribute instance;
        try
        {
            instance = (Attribute)Activator.CreateInstance(attributeType, constructorArguments);
        }
        catch (MissingMethodException)
        {
            return null;
        }

        return Apply(instance, data.NamedArguments, context);
    }

    /// <summary>Sets each named argument on <paramref name="instance"/>; names its class does not declare are left alone.</summary>
    public static Attribute Apply(Attribute instance, IEnumerable<KeyValuePair<string, TypedConstant>> namedArguments, ReadContext context)
    {
        foreach (var named in namedArguments)
        {
            if (instance.GetType().GetProperty(named.Key, BindingFlags.Public | BindingFlags.Instance) is { CanWrite: true } property
                && TryConvert(named.Value, property.PropertyType, out var value)
                && value is not null)
            {
                context.Written(property.Name, value);
                property.SetValue(instance, value);
            }
        }

        return instance;
    }

    /// <summary>A constructor parameter sets the property of the same name (<c>name</c> → <c>Name</c>).</summary>
    public static string PropertyName(string parameterName) =>
        parameterName.Length == 0 ? parameterName : char.ToUpperInvariant(parameterName[0]) + parameterName.Substring(1);

    private static bool TryConvert(TypedConstant constant, Type type, out object? value)
    {
        value = null;
        switch (constant.Kind)
        {
            case TypedConstantKind.Error:
            case TypedConstantKind.Type:
                return false;
            case TypedConstantKind.Array:
                if (constant.IsNull)
                {
                    return true;
                }

                if (type.GetElementType() is not { } elementType)
                {
                    return false;
                }

                var items = Array.CreateInstance(elementType, constant.Values.Length);
                for (var i = 0; i < items.Length; i++)
                {
                    if (!TryConvert(constant.Values[i], elementType, out var item))
                    {
                        return false;
                    }

                    // A null item of a string array reads as empty, so no sidecar ever sees null text.
                    items.SetValue(item ?? (elementType == typeof(string) ? string.Empty : null), i);
                }

                value = items;
                return true;
            case TypedConstantKind.Enum:
                value = type.IsEnum && constant.Value is not null ? Enum.ToObject(type, constant.Value) : null;
                return value is not null;
            default:
                if (constant.Value is null || type.IsInstanceOfType(constant.Value))
                {
                    value = constant.Value;
                    return true;
                }

                if (constant.Value is IConvertible && !type.IsEnum && type != typeof(string))
                {
                    try
                    {
                        value = Convert.ChangeType(constant.Value, type, CultureInfo.InvariantCulture);
                        return true;
                    }
                    catch (Exception exception) when (exception is InvalidCastException or OverflowException or FormatException)
                    {
                        return false;
                    }
                }

                return false;
        }
    }
}
