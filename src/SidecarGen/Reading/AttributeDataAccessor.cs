using System;
using System.Collections.Generic;
using System.Globalization;
using System.Reflection;
using SidecarGen.Model;

namespace SidecarGen.Reading;

/// <summary>
/// Copies the arguments of an attribute (<see cref="DeclaredAttribute"/>: what Roslyn saw, or what a
/// service description carries) onto an instance of its real class from SidecarGen.Abstractions (as
/// Mapperly's <c>AttributeDataAccessor</c> does): constructor arguments through the constructor, named
/// arguments through the property of that name. Whatever the user left out keeps the attribute's own
/// default, so a property's name and default are stated once, there. This is the one place that maps
/// argument names.
/// </summary>
internal static class AttributeDataAccessor
{
    /// <summary>
    /// An instance of <paramref name="attributeType"/> holding what <paramref name="attribute"/> says, or
    /// null when its arguments cannot be read (the compiler reports those).
    /// </summary>
    public static Attribute? Access(Type attributeType, DeclaredAttribute attribute, ReadContext context)
    {
        var constructorArguments = new object?[attribute.ConstructorArguments.Count];
        for (var i = 0; i < constructorArguments.Length; i++)
        {
            var argument = attribute.ConstructorArguments[i];
            var property = attributeType.GetProperty(PropertyName(argument.Name));
            if (property is null || !TryConvert(argument.Value, property.PropertyType, out var value))
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

        return Apply(instance, attribute.NamedArguments, context);
    }

    /// <summary>A constructor parameter sets the property of the same name (<c>name</c> → <c>Name</c>).</summary>
    public static string PropertyName(string parameterName) =>
        parameterName.Length == 0 ? parameterName : char.ToUpperInvariant(parameterName[0]) + parameterName.Substring(1);

    /// <summary>Sets each named argument on <paramref name="instance"/>; names its class does not declare are left alone.</summary>
    private static Attribute Apply(Attribute instance, IEnumerable<DeclaredArgument> namedArguments, ReadContext context)
    {
        foreach (var named in namedArguments)
        {
            if (instance.GetType().GetProperty(named.Name, BindingFlags.Public | BindingFlags.Instance) is { CanWrite: true } property
                && TryConvert(named.Value, property.PropertyType, out var value)
                && value is not null)
            {
                context.Written(property.Name, value);
                property.SetValue(instance, value);
            }
        }

        return instance;
    }

    private static bool TryConvert(ArgumentValue argument, Type type, out object? value)
    {
        value = null;
        switch (argument.Kind)
        {
            case ArgumentKind.Unreadable:
                return false;
            case ArgumentKind.Array:
                if (argument.IsNullArray)
                {
                    return true;
                }

                if (type.GetElementType() is not { } elementType)
                {
                    return false;
                }

                var items = Array.CreateInstance(elementType, argument.Items.Count);
                for (var i = 0; i < items.Length; i++)
                {
                    if (!TryConvert(argument.Items[i], elementType, out var item))
                    {
                        return false;
                    }

                    // A null item of a string array reads as empty, so no sidecar ever sees null text.
                    items.SetValue(item ?? (elementType == typeof(string) ? string.Empty : null), i);
                }

                value = items;
                return true;
            case ArgumentKind.Enum:
                value = type.IsEnum && argument.Value is not null ? Enum.ToObject(type, argument.Value) : null;
                return value is not null;
            default:
                if (argument.Value is null || type.IsInstanceOfType(argument.Value))
                {
                    value = argument.Value;
                    return true;
                }

                if (argument.Value is IConvertible && !type.IsEnum && type != typeof(string))
                {
                    try
                    {
                        value = Convert.ChangeType(argument.Value, type, CultureInfo.InvariantCulture);
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
