using Google.Protobuf.Collections;

namespace LruAspire.FunctionalTests.Otlp;

public static class OtlpAttributes
{
    /// <summary>The attribute's value as the CLR type it was exported from (string, bool, long or double).</summary>
    public static object? Get(this RepeatedField<KeyValue> attributes, string key) =>
        attributes.FirstOrDefault(a => a.Key == key)?.Value switch
        {
            null => null,
            { ValueCase: AnyValue.ValueOneofCase.StringValue } v => v.StringValue,
            { ValueCase: AnyValue.ValueOneofCase.BoolValue } v => v.BoolValue,
            { ValueCase: AnyValue.ValueOneofCase.IntValue } v => v.IntValue,
            { ValueCase: AnyValue.ValueOneofCase.DoubleValue } v => v.DoubleValue,
            _ => null,
        };
}
