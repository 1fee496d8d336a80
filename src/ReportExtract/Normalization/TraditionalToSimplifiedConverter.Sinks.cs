using System.Buffers;

namespace ReportExtract.Normalization;

/// <summary>The receivers of the conversion pass: a length counter, a plain string and a mapped text.</summary>
public sealed partial class TraditionalToSimplifiedConverter
{
    /// <summary>Receives the conversion: untouched input ranges and replacements.</summary>
    private interface IConversionSink
    {
        void Copy(int start, int end);

        void Replace(int start, int length, string value);

        /// <summary>One input unit replaced by one output unit.</summary>
        void ReplaceUnit(int start, char value);

        /// <summary>
        /// Emits input units from <paramref name="start"/> on, each as its entry of <paramref name="units"/>, up to
        /// <paramref name="end"/> or the first whose entry is <see cref="OpenCcDictionary.StopUnit"/> (or earlier);
        /// returns where it stopped.
        /// </summary>
        int MapUnits(int start, int end, ReadOnlySpan<char> units);
    }

    /// <summary>Where text[start..end) first holds a unit whose entry of <paramref name="units"/> is the stop unit, else end.</summary>
    private static int StopOf(string text, int start, int end, ReadOnlySpan<char> units)
    {
        var i = start;
        while (i < end && units[text[i]] != OpenCcDictionary.StopUnit)
        {
            i++;
        }

        return i;
    }

    /// <summary>Only measures the output.</summary>
    private struct CountingSink : IConversionSink
    {
        private readonly string _input;

        public CountingSink(string input)
        {
            _input = input;
            Length = 0;
        }

        public int Length { get; private set; }

        public void Copy(int start, int end) => Length += end - start;

        public void Replace(int start, int length, string value) => Length += value.Length;

        public void ReplaceUnit(int start, char value) => Length++;

        public int MapUnits(int start, int end, ReadOnlySpan<char> units)
        {
            // Only the length is asked for: every unit up to the stop makes one.
            var stop = StopOf(_input, start, end, units);
            Length += stop - start;
            return stop;
        }

    }

    /// <summary>
    /// Builds the output string in a pooled buffer, rented only at the first replacement: text with nothing to
    /// convert is scanned and returned as it is, without copying.
    /// </summary>
    private struct StringSink : IConversionSink, IDisposable
    {
        private readonly string _input;
        private char[]? _buffer;
        private int _length;

        public StringSink(string input)
        {
            _input = input;
            _buffer = null;
            _length = 0;
        }

        public void Copy(int start, int end)
        {
            if (_buffer is null)
            {
                // Before the first replacement the output is the input's prefix: just remember how long.
                _length = end;
                return;
            }

            Ensure(end - start);
            _input.AsSpan(start, end - start).CopyTo(_buffer.AsSpan(_length));
            _length += end - start;
        }

        public void Replace(int start, int length, string value)
        {
            if (_buffer is null)
            {
                StartBuffer();
            }

            Ensure(value.Length);
            value.AsSpan().CopyTo(_buffer!.AsSpan(_length));
            _length += value.Length;
        }

        public void ReplaceUnit(int start, char value)
        {
            if (_buffer is null)
            {
                StartBuffer();
            }

            Ensure(1);
            _buffer![_length++] = value;
        }

        public int MapUnits(int start, int end, ReadOnlySpan<char> units)
        {
            var stop = StopOf(_input, start, end, units);
            var copyFrom = start;
            for (var i = start; i < stop; i++)
            {
                var unit = units[_input[i]];
                if (unit != _input[i])
                {
                    Copy(copyFrom, i);
                    ReplaceUnit(i, unit);
                    copyFrom = i + 1;
                }
            }

            Copy(copyFrom, stop);
            return stop;
        }

        public readonly string ToResult() => _buffer is null ? _input : new string(_buffer, 0, _length);

        public void Dispose()
        {
            if (_buffer is not null)
            {
                ArrayPool<char>.Shared.Return(_buffer);
                _buffer = null;
            }
        }

        private void StartBuffer()
        {
            _buffer = ArrayPool<char>.Shared.Rent(Math.Max(16, _input.Length + 16));
            _input.AsSpan(0, _length).CopyTo(_buffer);
        }

        private void Ensure(int more)
        {
            if (_length + more <= _buffer!.Length)
            {
                return;
            }

            var bigger = ArrayPool<char>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + more));
            _buffer.AsSpan(0, _length).CopyTo(bigger);
            ArrayPool<char>.Shared.Return(_buffer);
            _buffer = bigger;
        }
    }

    /// <summary>
    /// Builds the output in a pooled buffer (<see cref="CharBuffers"/>) and its map as runs (<see cref="OffsetRuns"/>) as it goes: a converted
    /// report is mostly one-for-one replacements and copies, a few runs, where a start and an end per unit cost
    /// ten bytes per character before being folded into the same runs.
    /// </summary>
    private struct MappedSink : IConversionSink, IDisposable
    {
        private readonly string _input;
        private readonly TraditionalToSimplifiedConverter _converter;
        private readonly OffsetRuns _runs;
        private char[] _text;
        private int _length;

        // True while every output unit so far is the input unit at its own index (copies and same-length
        // replacements only): the map of that prefix is one straight run, added when it ends, not unit by unit.
        private bool _identity;

        public MappedSink(string input, TraditionalToSimplifiedConverter converter)
        {
            _input = input;
            _converter = converter;
            _runs = new OffsetRuns();
            _text = CharBuffers.Rent(Math.Max(16, input.Length));
            _length = 0;

            // The output starts as the input, copied in one go: text between replacements (a unit or two between
            // converted characters of traditional text) is then already in place, not copied a few units at a time.
            input.AsSpan().CopyTo(_text);
            _identity = true;
        }

        public void Copy(int start, int end)
        {
            var count = end - start;
            if (_length == start)
            {
                // Output and input are aligned here (replacements so far kept their length, or shorter and longer
                // ones evened out): the buffer holds the input's own units from here on, as output is only ever
                // written below its length, which only grows. It is still the first buffer: it grows only when the
                // output outruns the input's length, after which output and input never align again.
                if (!_identity)
                {
                    _runs.AddStraight(start, count);
                }

                _length += count;
                return;
            }

            EndIdentity();
            Ensure(count, end);
            _input.AsSpan(start, count).CopyTo(_text.AsSpan(_length));
            _runs.AddStraight(start, count);
            _length += count;
        }

        public void Replace(int start, int length, string value)
        {
            if (!(value.Length == length && _length == start))
            {
                EndIdentity();
            }

            Ensure(value.Length, start + length);
            value.AsSpan().CopyTo(_text.AsSpan(_length));
            if (_identity)
            {
                _length += value.Length;
                return;
            }

            // Unit by unit, as the runs of a per-unit map would be built: a same-length replacement maps unit to
            // unit, any other maps each output unit to the whole replaced range.
            var sameLength = value.Length == length;
            for (var k = 0; k < value.Length; k++)
            {
                _runs.AddConstant(sameLength ? start + k : start, sameLength ? start + k + 1 : start + length, 1);
            }

            _length += value.Length;
        }

        public void ReplaceUnit(int start, char value)
        {
            if (_length != start)
            {
                EndIdentity();
            }

            Ensure(1, start + 1);
            _text[_length++] = value;
            if (!_identity)
            {
                _runs.AddStraight(start, 1);
            }
        }

        public int MapUnits(int start, int end, ReadOnlySpan<char> units)
        {
            if (_length != start)
            {
                EndIdentity();
            }

            // Each unit is written as its entry, changed or not, with no branch on which (in traditional text that
            // is as unpredictable as the text); one for one keeps the map straight. Only as far as the buffer goes:
            // growing it here, before the output really outruns the input, would break Copy's aligned shortcut, and
            // Run's closer look converts any unit correctly, so stopping early is always safe.
            var room = Math.Min(end - start, _text.Length - _length);
            var output = _text.AsSpan(_length, room);
            var input = _input.AsSpan(start, room);
            var count = 0;
            for (; count < input.Length; count++)
            {
                var unit = units[input[count]];
                if (unit == OpenCcDictionary.StopUnit)
                {
                    break;
                }

                output[count] = unit;
            }

            if (!_identity)
            {
                _runs.AddStraight(start, count);
            }

            _length += count;
            return start + count;
        }

        public MappedText ToResult()
        {
            EndIdentity();
            var output = _text.AsSpan(0, _length);
            var text = output.SequenceEqual(_input) ? _input : new string(output);
            return new MappedText(_input, text, _runs);
        }

        public void Dispose()
        {
            CharBuffers.Return(_text);
            _text = [];
        }

        /// <summary>Writes down the straight run of the identity prefix: the map is kept unit by unit from here on.</summary>
        private void EndIdentity()
        {
            if (_identity)
            {
                _runs.AddStraight(0, _length);
                _identity = false;
            }
        }

        private void Ensure(int more, int inputConsumed)
        {
            if (_length + more <= _text.Length)
            {
                return;
            }

            // Output grows only where a replacement is longer than its key (䂎 → 𥎝, 二噁英 → 二𫫇英): rare, so the
            // buffer starts at the input's length and, when that is not enough, grows once to the length the rest
            // of the input converts to (exact when converting all of it).
            var bigger = CharBuffers.Rent(_length + more + _converter.ConvertedLength(_input, inputConsumed, _input.Length));
            _text.AsSpan(0, _length).CopyTo(bigger);
            CharBuffers.Return(_text);
            _text = bigger;
        }
    }
}
