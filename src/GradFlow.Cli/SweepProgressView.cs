using System.Diagnostics;
using GradFlow.Experiments;
using Spectre.Console;
using Spectre.Console.Rendering;
using GradFlow.IO;

namespace GradFlow.Cli;

/// <summary>
/// Progress of a sweep: a live Spectre.Console bar (runs done / total, elapsed, ETA) for a person at a
/// terminal; plain lines at every tenth of the sweep, and at least every 10 s (the context's heartbeat)
/// while runs are in progress, when output is redirected or CI is set.
/// </summary>
internal static class SweepProgressView
{
    public static SweepOutcome Run(CliContext context, int total, Func<IProgress<SweepProgress>, SweepOutcome> sweep)
    {
        if (!context.Interactive)
        {
            using var plain = new PlainProgress(context.Out, total, context.Heartbeat);
            return sweep(plain);
        }
        return Consoles.For(context.Out).Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new CountColumn(),
                     new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(progress =>
            {
                var task = progress.AddTask("runs", maxValue: Math.Max(total, 1));
                var outcome = sweep(new LiveProgress(task));
                task.Value = task.MaxValue;
                return outcome;
            });
    }

    private sealed class LiveProgress(ProgressTask task) : IProgress<SweepProgress>
    {
        public void Report(SweepProgress value)
        {
            lock (task) task.Increment(1);
        }
    }

    private sealed class CountColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text($"{Numbers.Format((int)task.Value)}/{Numbers.Format((int)task.MaxValue)}");
    }

    private sealed class PlainProgress : IProgress<SweepProgress>, IDisposable
    {
        private readonly TextWriter _output;
        private readonly int _total;
        private readonly TimeSpan _interval;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly Lock _lock = new();
        private readonly Thread _heartbeat;
        private readonly ManualResetEventSlim _stop = new(false);
        private TimeSpan _lastLine;
        private int _lastTenth, _done, _resumed;

        public PlainProgress(TextWriter output, int total, TimeSpan interval)
        {
            _output = output;
            _total = total;
            _interval = interval;
            // Long runs finish rarely: between them a line still says that the sweep is alive and where it is.
            // A thread of its own, not a pool timer: the runs may keep every pool thread busy.
            _heartbeat = new Thread(() =>
            {
                while (!_stop.Wait(_interval)) Beat();
            }) { IsBackground = true, Name = "gradflow heartbeat" };
            _heartbeat.Start();
        }

        public void Dispose()
        {
            _stop.Set();
            _heartbeat.Join();
            _stop.Dispose();
        }

        private void Beat()
        {
            lock (_lock)
            {
                var elapsed = _clock.Elapsed;
                if (_done == _total || elapsed - _lastLine < _interval) return;
                _lastLine = elapsed;
                int fresh = _done - _resumed;
                string eta = fresh > 0 ? Clock(elapsed / fresh * (_total - _done)) : "?";
                _output.WriteLine($"runs {Numbers.Format(_done)}/{Numbers.Format(_total)} done, the next still running, elapsed {Clock(elapsed)}, ETA {eta}");
                _output.Flush();
            }
        }

        public void Report(SweepProgress value)
        {
            lock (_lock)
            {
                // Counted here, under the lock: the runner's own count may arrive out of order from its threads.
                int done = ++_done;
                if (value.Resumed) _resumed++;
                int tenth = done * 10 / Math.Max(_total, 1);
                var elapsed = _clock.Elapsed;
                if (tenth == _lastTenth && elapsed - _lastLine < _interval && done != _total) return;
                _lastTenth = tenth;
                _lastLine = elapsed;
                int fresh = done - _resumed, left = _total - done;
                string eta = left == 0 ? "0:00:00" : fresh > 0 ? Clock(elapsed / fresh * left) : "?";
                _output.WriteLine($"runs {Numbers.Format(done)}/{Numbers.Format(_total)} ({Numbers.Format(100 * done / Math.Max(_total, 1))}%), elapsed {Clock(elapsed)}, ETA {eta}");
                _output.Flush();
            }
        }

        private static string Clock(TimeSpan t) => t.ToString(@"h\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture);
    }
}
