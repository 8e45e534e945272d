using System.Globalization;
using SidecarGen.Pod;
using SidecarGen.Yaml;

namespace SidecarGen.Emit.Kubernetes;

/// <summary>An object a sidecar adds beside the Deployment (<see cref="ObjectSpec"/>): the standard metadata, then its body as planned.</summary>
internal static class ObjectWriter
{
    public static string Write(ServicePlan plan, ObjectSpec spec)
    {
        var yaml = Metadata.Begin(plan, spec.ApiVersion, spec.Kind, spec.Name);
        foreach (var field in spec.Body.Fields)
        {
            Value(yaml.Key(field.Key), field.Value);
        }

        return yaml.EndMap().Finish();
    }

    private static void Value(YamlWriter yaml, SpecNode node)
    {
        switch (node.Kind)
        {
            case SpecNodeKind.Map:
                yaml.BeginMap();
                foreach (var field in node.Fields)
                {
                    Value(yaml.Key(field.Key), field.Value);
                }

                yaml.EndMap();
                break;
            case SpecNodeKind.Sequence:
                yaml.BeginSequence();
                foreach (var item in node.Items)
                {
                    Value(yaml, item);
                }

                yaml.EndSequence();
                break;
            case SpecNodeKind.Number:
                yaml.Number(long.Parse(node.Text, CultureInfo.InvariantCulture));
                break;
            case SpecNodeKind.Boolean:
                yaml.Bool(node.Text == "true");
                break;
            default:
                yaml.String(node.Text);
                break;
        }
    }
}
