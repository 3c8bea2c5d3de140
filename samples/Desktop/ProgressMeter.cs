using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace HttpNano.Samples.Desktop
{
    /// <summary>
    /// curl's progress meter in one line: percent, bytes in the file of the total, average speed of
    /// this run and time spent, redrawn (carriage return) at most four times a second from
    /// <see cref="HttpTransfer.Progress"/>, and a final line at the end.
    /// </summary>
    internal sealed class ProgressMeter : ITransferProgress
    {
        private const long IntervalMilliseconds = 250;

        private readonly TextWriter _output;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private long _shownAt = -IntervalMilliseconds;
        private long _done;
        private long _received;
        private long _total = -1;
        private int _width;

        /// <param name="output">Where the meter goes (stderr).</param>
        /// <param name="offset">Bytes already in the file before this run (a resume): not counted in the speed.</param>
        public ProgressMeter(TextWriter output, long offset)
        {
            _output = output;
            _done = offset;
        }

        /// <summary>Notes the figures and redraws when the last drawing is old enough.</summary>
        public void Report(long done, long total)
        {
            // What came since the last call; after a restart from 0 (the file changed, or the
            // server ignored the range) `done` starts again below the last figure.
            _received += done >= _done ? done - _done : done;
            _done = done;
            _total = total;
            long now = _clock.ElapsedMilliseconds;
            if (now - _shownAt >= IntervalMilliseconds)
            {
                _shownAt = now;
                Draw();
                _output.Flush();
            }
        }

        /// <summary>Draws the final figures and ends the line.</summary>
        public void End()
        {
            Draw();
            _output.WriteLine();
            _output.Flush();
        }

        private void Draw()
        {
            double seconds = _clock.Elapsed.TotalSeconds;
            string percent = _total > 0 ? (_done * 100 / _total).ToString(CultureInfo.InvariantCulture) + "%" : "--%";
            string line = percent.PadLeft(4) + "  " + Size(_done) + " of " + (_total >= 0 ? Size(_total) : "?")
                + "  " + Size(seconds > 0 ? (long)(_received / seconds) : 0) + "/s  "
                + TimeSpan.FromSeconds(Math.Floor(seconds)).ToString("c", CultureInfo.InvariantCulture);
            _output.Write("\r" + line.PadRight(_width));
            _width = line.Length;
        }

        // 1023 B, 4.0 KiB, 12.3 MiB, 1.2 GiB.
        private static string Size(long bytes)
        {
            if (bytes < 1024)
            {
                return bytes.ToString(CultureInfo.InvariantCulture) + " B";
            }

            string[] units = { "KiB", "MiB", "GiB", "TiB" };
            double value = bytes / 1024.0;
            int unit = 0;
            while (value >= 1024 && unit < units.Length - 1)
            {
                value /= 1024;
                unit++;
            }

            return value.ToString("0.0", CultureInfo.InvariantCulture) + " " + units[unit];
        }
    }
}
