using System.Collections;
using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace ContinuityScheduler.Solver.Engine.CpSat;

/// <summary>Protocol-buffer text format of a flat message: what CP-SAT reads its parameters from (the C# ToString gives JSON).</summary>
internal static class TextFormat
{
    public static string Of(IMessage message)
    {
        var parts = new List<string>();
        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            var value = field.Accessor.GetValue(message);
            if (field.IsRepeated)
            {
                parts.AddRange(((IEnumerable)value).Cast<object>().Select(item => $"{field.Name}: {Scalar(field, item)}"));
            }
            else if (field.Accessor.HasValue(message))
            {
                parts.Add($"{field.Name}: {Scalar(field, value)}");
            }
        }

        return string.Join(' ', parts);
    }

    private static string Scalar(FieldDescriptor field, object value) => field.FieldType switch
    {
        FieldType.String => $"\"{((string)value).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"",
        FieldType.Bool => (bool)value ? "true" : "false",
        FieldType.Enum => field.EnumType.FindValueByNumber(Convert.ToInt32(value, CultureInfo.InvariantCulture)).Name,
        FieldType.Double or FieldType.Float => Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };
}
