using System.Text.Json;
using System.Text.Json.Serialization;

namespace LruAspire.LoadGen.Runs;

/// <summary>Source-generated JSON for run summaries (result files and the control endpoint).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, UseStringEnumConverter = true)]
[JsonSerializable(typeof(RunSummary))]
[JsonSerializable(typeof(RunStatus))]
[JsonSerializable(typeof(RunStatus[]))]
public sealed partial class LoadGenJsonContext : JsonSerializerContext;
