using System.Data;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace ReportExtract.Cli.Emitters;

/// <summary>
/// Table rows kept in a temporary file instead of memory, read back once as an <see cref="IDataReader"/> (which
/// MiniExcel writes row by row). Cells are <see cref="ReportTable"/>'s: null, text, integer, number, date, boolean.
/// </summary>
internal sealed class XlsxRowSpill : IDisposable
{
    private const byte Null = 0, Text = 1, Integer = 2, Number = 3, Date = 4, Boolean = 5;

    private readonly string[] _header;
    private readonly FileStream _file;
    private readonly BinaryWriter _writer;

    public XlsxRowSpill(string[] header)
    {
        _header = header;

        // Never left behind, even when the run is killed: Windows deletes it when the handle closes (the process
        // dies included); on Unix the name goes at once, and the open descriptor keeps the data until it closes.
        var path = Path.Combine(Path.GetTempPath(), $"reportx-xlsx-rows-{Guid.NewGuid():N}.tmp");
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        if (!OperatingSystem.IsWindows())
        {
            File.Delete(path);
        }
        _writer = new BinaryWriter(_file, Encoding.UTF8, leaveOpen: true);
    }

    /// <summary>Rows added so far.</summary>
    public int Count { get; private set; }

    /// <summary>Appends one row (as many cells as the header has columns).</summary>
    public void Add(object?[] cells)
    {
        if (cells.Length != _header.Length)
        {
            throw new ArgumentException($"a row of {cells.Length} cells for {_header.Length} columns", nameof(cells));
        }

        foreach (var cell in cells)
        {
            switch (cell)
            {
                case null:
                    _writer.Write(Null);
                    break;
                case string text:
                    _writer.Write(Text);
                    _writer.Write(text);
                    break;
                case long integer:
                    _writer.Write(Integer);
                    _writer.Write(integer);
                    break;
                case double number:
                    _writer.Write(Number);
                    _writer.Write(number);
                    break;
                case DateOnly date:
                    _writer.Write(Date);
                    _writer.Write(date.DayNumber);
                    break;
                case bool flag:
                    _writer.Write(Boolean);
                    _writer.Write(flag);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(cells), cell.GetType(), "not a table cell type");
            }
        }

        Count++;
    }

    /// <summary>Reads the rows back from the first; dates come back as <see cref="DateTime"/>, empty cells as <see cref="DBNull"/>.</summary>
    public IDataReader OpenReader()
    {
        _writer.Flush();
        _file.Position = 0;
        return new RowReader(_header, new BinaryReader(_file, Encoding.UTF8, leaveOpen: true), Count);
    }

    public void Dispose()
    {
        _writer.Dispose();
        _file.Dispose();
    }

    /// <summary>A forward-only reader of the spilled rows: only what a writer of rows needs is supported.</summary>
    private sealed class RowReader(string[] header, BinaryReader reader, int rows) : IDataReader
    {
        private readonly object[] _current = new object[header.Length];
        private int _left = rows;

        public int FieldCount => header.Length;
        public int Depth => 0;
        public bool IsClosed { get; private set; }
        public int RecordsAffected => -1;

        public object this[int i] => GetValue(i);
        public object this[string name] => GetValue(GetOrdinal(name));

        public bool Read()
        {
            if (_left == 0)
            {
                return false;
            }

            for (var i = 0; i < _current.Length; i++)
            {
                _current[i] = reader.ReadByte() switch
                {
                    Null => DBNull.Value,
                    Text => reader.ReadString(),
                    Integer => reader.ReadInt64(),
                    Number => reader.ReadDouble(),

                    // Excel has no date-only type: a date is a day number shown with a date format.
                    Date => DateOnly.FromDayNumber(reader.ReadInt32()).ToDateTime(TimeOnly.MinValue),
                    Boolean => reader.ReadBoolean(),
                    var tag => throw new InvalidDataException($"the spilled rows are damaged (cell tag {tag})"),
                };
            }

            _left--;
            return true;
        }

        public string GetName(int i) => header[i];
        public int GetOrdinal(string name) => Array.IndexOf(header, name) is >= 0 and var i ? i : throw new IndexOutOfRangeException(name);
        public object GetValue(int i) => _current[i];
        public bool IsDBNull(int i) => _current[i] is DBNull;
        // The attribute repeats the interface's trim annotation (Native AOT build); every cell is typed object.
        [return: DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.PublicProperties)]
        public Type GetFieldType(int i) => typeof(object);
        public string GetDataTypeName(int i) => nameof(Object);

        public int GetValues(object[] values)
        {
            var n = Math.Min(values.Length, _current.Length);
            Array.Copy(_current, values, n);
            return n;
        }

        public string GetString(int i) => (string)_current[i];
        public long GetInt64(int i) => (long)_current[i];
        public double GetDouble(int i) => (double)_current[i];
        public DateTime GetDateTime(int i) => (DateTime)_current[i];
        public bool GetBoolean(int i) => (bool)_current[i];
        public int GetInt32(int i) => checked((int)GetInt64(i));
        public short GetInt16(int i) => checked((short)GetInt64(i));
        public byte GetByte(int i) => checked((byte)GetInt64(i));
        public float GetFloat(int i) => (float)GetDouble(i);
        public decimal GetDecimal(int i) => (decimal)GetDouble(i);
        public char GetChar(int i) => GetString(i)[0];
        public Guid GetGuid(int i) => throw new NotSupportedException();
        public long GetBytes(int i, long fieldOffset, byte[]? buffer, int bufferoffset, int length) => throw new NotSupportedException();
        public long GetChars(int i, long fieldoffset, char[]? buffer, int bufferoffset, int length) => throw new NotSupportedException();
        public IDataReader GetData(int i) => throw new NotSupportedException();
        public DataTable? GetSchemaTable() => null;
        public bool NextResult() => false;

        public void Close() => IsClosed = true;

        public void Dispose()
        {
            Close();
            reader.Dispose();
        }
    }
}
