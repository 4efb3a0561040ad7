using Spectre.Console;

namespace GradFlow.Cli;

/// <summary>A table: drawn by Spectre.Console for a person at a terminal, as plain aligned columns otherwise.</summary>
internal sealed class TableView(params string[] headers)
{
    private readonly List<string[]> _rows = [];
    private readonly bool[] _rightAligned = new bool[headers.Length];

    public TableView AlignRight(params int[] columns)
    {
        foreach (int c in columns) _rightAligned[c] = true;
        return this;
    }

    public void Add(params string[] cells)
    {
        if (cells.Length != headers.Length) throw new ArgumentException("a row of " + cells.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " cells");
        _rows.Add(cells);
    }

    public void Write(CliContext context)
    {
        var widths = Widths();
        if (context.Interactive)
        {
            // A rounded table needs 3 characters per column and 1 more; when the terminal is narrower, Spectre
            // would cut every cell short, so plain columns (which wrap whole lines) read better.
            var console = Consoles.For(context.Out);
            if (widths.Sum() + 3 * widths.Length + 1 <= console.Profile.Width)
            {
                WriteSpectre(console);
                return;
            }
        }
        WritePlain(context.Out, widths);
    }

    private int[] Widths()
    {
        var widths = new int[headers.Length];
        for (int c = 0; c < headers.Length; c++)
            widths[c] = Math.Max(headers[c].Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[c].Length));
        return widths;
    }

    private void WriteSpectre(IAnsiConsole console)
    {
        var table = new Table().Border(TableBorder.Rounded);
        for (int c = 0; c < headers.Length; c++)
        {
            var column = new TableColumn(Markup.Escape(headers[c]));
            if (_rightAligned[c]) column.RightAligned();
            table.AddColumn(column);
        }
        foreach (var row in _rows) table.AddRow(row.Select(cell => (Spectre.Console.Rendering.IRenderable)new Text(cell)).ToArray());
        console.Write(table);
    }

    private void WritePlain(TextWriter output, int[] widths)
    {
        WriteLine(output, headers, widths);
        WriteLine(output, widths.Select(w => new string('-', w)).ToArray(), widths);
        foreach (var row in _rows) WriteLine(output, row, widths);
    }

    private void WriteLine(TextWriter output, string[] cells, int[] widths)
    {
        var parts = new string[cells.Length];
        for (int c = 0; c < cells.Length; c++)
            parts[c] = _rightAligned[c] ? cells[c].PadLeft(widths[c]) : cells[c].PadRight(widths[c]);
        output.WriteLine(string.Join("  ", parts).TrimEnd());
    }
}
