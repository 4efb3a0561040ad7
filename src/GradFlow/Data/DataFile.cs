using System.Globalization;
using CsvHelper;
using GradFlow.IO;

namespace GradFlow.Data;

/// <summary>
/// Data files. Written in the <c>dataset</c> format (docs/ARCHITECTURE.md "Files"): header <c>part,x1,..,xd,y</c>, the
/// train rows first and then the test rows, each in the study's order, numbers in round-trip form.
/// Read from that format or from a plain <c>x1,..,xd,y</c> file (every row a train row). Every read
/// error is one line naming the file, the line and field, and what is accepted.
/// </summary>
public static class DataFile
{
    public const string Train = "train";
    public const string Test = "test";

    private const string Accepted = "a CSV with header x1,...,xd,y or part,x1,...,xd,y (part train or test, x numbers, y in [0, 1])";

    public static void Write(TextWriter w, DataSplit split)
    {
        if (split.Test.Count > 0 && split.Test.Features != split.Train.Features)
            throw new ArgumentException($"train has {split.Train.Features} features but test {split.Test.Features}");
        using var csv = CsvFormat.Writer(w);
        csv.WriteField("part");
        for (int k = 1; k <= split.Train.Features; k++) csv.WriteField("x" + k.ToString(CultureInfo.InvariantCulture));
        csv.WriteField("y");
        csv.NextRecord();
        WriteRows(csv, Train, split.Train);
        WriteRows(csv, Test, split.Test);
    }

    private static void WriteRows(CsvWriter csv, string part, Dataset data)
    {
        for (int r = 0; r < data.Count; r++)
        {
            csv.WriteField(part);
            foreach (double x in data.Row(r)) csv.WriteField(Numbers.Format(x));
            csv.WriteField(Numbers.Format(data.Y[r]));
            csv.NextRecord();
        }
    }

    public static string ToCsv(DataSplit split)
    {
        var w = new StringWriter(CultureInfo.InvariantCulture);
        Write(w, split);
        return w.ToString();
    }

    /// <summary>Reads a data file; any problem is an <see cref="InvalidDataException"/> with a one-line message.</summary>
    public static DataSplit Read(string path) => InputFile.Read(path, Accepted, reader => Read(reader, path));

    public static DataSplit Read(TextReader reader, string source)
    {
        // Column counts are checked row by row below, for a message that says which line and how many fields.
        using var csv = new CsvReader(reader, CsvFormat.ReaderConfiguration with { DetectColumnCountChanges = false });
        try
        {
            if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header)
                throw new InvalidDataException($"{source}: empty; expected {Accepted}");
            bool hasPart = header is ["part", ..];
            int first = hasPart ? 1 : 0, features = header.Length - first - 1;
            if (features < 1 || header[^1] != "y" || !IsFeatureHeader(header.AsSpan(first, features)))
                throw new InvalidDataException($"{source}, line 1: header '{string.Join(",", header)}' is not x1,...,xd,y or part,x1,...,xd,y");

            var train = new Rows(features);
            var test = new Rows(features);
            while (csv.Read())
            {
                int line = csv.Parser.RawRow;
                if (csv.Parser.Count != header.Length)
                    throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                        $"{source}, line {line}: {csv.Parser.Count} fields but the header has {header.Length}; expected {string.Join(",", header)}"));
                var rows = train;
                if (hasPart)
                {
                    string? part = csv.GetField(0); // null (never, for a field that exists) would read as '' in the message
                    rows = part == Train ? train : part == Test ? test
                        : throw new InvalidDataException($"{source}, line {line}: part '{part}' is neither {Train} nor {Test}");
                }
                var x = rows.NextX();
                for (int k = 0; k < features; k++)
                {
                    string? text = csv.GetField(first + k);
                    if (!Numbers.TryParse(text, out x[k]) || !double.IsFinite(x[k]))
                        throw new InvalidDataException($"{source}, line {line}: {header[first + k]} '{text}' is not a finite number; expected a number with '.' as the decimal point");
                }
                string? yText = csv.GetField(first + features);
                if (!Numbers.TryParse(yText, out double y) || !(y >= 0 && y <= 1))
                    throw new InvalidDataException($"{source}, line {line}: y '{yText}' is not a label in [0, 1] (0 or 1 for XOR)");
                rows.Y.Add(y);
            }
            return new DataSplit(train.ToDataset(), test.ToDataset());
        }
        catch (CsvHelperException e)
        {
            int line = e.Context?.Parser?.RawRow ?? 0;
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"{source}, line {line}: malformed CSV ({FirstLine(e.Message)}); expected {Accepted}"));
        }
    }

    private static bool IsFeatureHeader(ReadOnlySpan<string> names)
    {
        for (int k = 0; k < names.Length; k++)
            if (names[k] != "x" + (k + 1).ToString(CultureInfo.InvariantCulture)) return false;
        return true;
    }

    /// <summary>The first line of <paramref name="message"/>, trimmed (CsvHelper's messages go on with its parser's state).</summary>
    internal static string FirstLine(string message)
    {
        int end = message.IndexOfAny(['\r', '\n']);
        return (end < 0 ? message : message[..end]).Trim();
    }

    private sealed class Rows(int features)
    {
        private readonly List<double> _x = [];
        public List<double> Y { get; } = [];

        public Span<double> NextX()
        {
            int start = _x.Count;
            for (int k = 0; k < features; k++) _x.Add(0);
            return System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_x).Slice(start, features);
        }

        public Dataset ToDataset() => Dataset.Create(_x.ToArray(), Y.ToArray(), features);
    }
}
