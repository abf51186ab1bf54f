using System.Text;

namespace Cotravail.Tests.Observability;

/// <summary>A span as an OTLP export request carries it (opentelemetry/proto/trace/v1/trace.proto).</summary>
internal sealed record OtlpSpan(string Scope, string TraceId, string SpanId, string ParentSpanId, string Name, int Kind, IReadOnlyDictionary<string, string> Attributes)
{
    public const int Server = 2;
}

/// <summary>
/// Reads the spans of an OTLP <c>ExportTraceServiceRequest</c> with the protobuf wire format itself (varints and
/// length-delimited fields): the few fields a test looks at, nothing else.
/// </summary>
internal static class Otlp
{
    public static IEnumerable<OtlpSpan> Spans(byte[] request)
    {
        foreach (var resourceSpans in Messages(request, 1))
        {
            foreach (var scopeSpans in Messages(resourceSpans, 2))
            {
                var scope = Messages(scopeSpans, 1).Select(s => Text(s, 1)).FirstOrDefault() ?? "";
                foreach (var span in Messages(scopeSpans, 2))
                {
                    var attributes = new Dictionary<string, string>();
                    foreach (var keyValue in Messages(span, 9))
                    {
                        var value = Messages(keyValue, 2).FirstOrDefault();
                        attributes[Text(keyValue, 1)] = value is null ? "" : AnyValue(value);
                    }
                    yield return new OtlpSpan(scope, Hex(span, 1), Hex(span, 2), Hex(span, 4), Text(span, 5),
                        (int)Fields(span).Where(f => f.Number == 6).Select(f => f.Varint).FirstOrDefault(), attributes);
                }
            }
        }
    }

    private static string AnyValue(byte[] value)
    {
        foreach (var field in Fields(value))
        {
            return field.Number == 1 && field.Bytes is { } text ? Encoding.UTF8.GetString(text) : field.Varint.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return "";
    }

    private static IEnumerable<byte[]> Messages(byte[] message, int number) =>
        Fields(message).Where(f => f.Number == number && f.Bytes is not null).Select(f => f.Bytes!);

    private static string Text(byte[] message, int number) => Messages(message, number).Select(b => Encoding.UTF8.GetString(b)).FirstOrDefault() ?? "";

    private static string Hex(byte[] message, int number) => Messages(message, number).Select(Convert.ToHexStringLower).FirstOrDefault() ?? "";

    private static List<(int Number, ulong Varint, byte[]? Bytes)> Fields(byte[] message)
    {
        var fields = new List<(int, ulong, byte[]?)>();
        var i = 0;
        while (i < message.Length)
        {
            var key = Varint(message, ref i);
            var number = (int)(key >> 3);
            switch (key & 7)
            {
                case 0:
                    fields.Add((number, Varint(message, ref i), null));
                    break;
                case 1:
                    fields.Add((number, BitConverter.ToUInt64(message, i), null));
                    i += 8;
                    break;
                case 2:
                    var length = (int)Varint(message, ref i);
                    fields.Add((number, 0, message[i..(i + length)]));
                    i += length;
                    break;
                case 5:
                    fields.Add((number, BitConverter.ToUInt32(message, i), null));
                    i += 4;
                    break;
                default:
                    throw new FormatException($"Wire type {key & 7} at byte {i}.");
            }
        }
        return fields;
    }

    private static ulong Varint(byte[] message, ref int i)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = message[i++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
