using System;

namespace HttpNano
{
    /// <summary>
    /// An ordered collection of header fields whose names compare case-insensitively (ASCII),
    /// for request headers and response headers alike. Duplicates are kept in order; lookups
    /// by name join them with ", " as Python's <c>getheader</c> does. No generics, so it runs on
    /// nanoFramework 1.x.
    /// </summary>
    public sealed class HttpHeaders
    {
        private const int InitialCapacity = 8;

        // Name of field i at 2i, its value at 2i + 1: one array to grow, clear and compact.
        private string[] _fields = new string[2 * InitialCapacity];
        private int _count;

        /// <summary>Number of fields, duplicates counted.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>The value for <paramref name="name"/> (duplicates joined), or null.</summary>
        /// <param name="name">The field name, any case.</param>
        public string this[string name]
        {
            get { return Get(name); }
        }

        /// <summary>Appends a field, keeping any existing fields of the same name.</summary>
        /// <param name="name">The field name.</param>
        /// <param name="value">The field value.</param>
        public void Add(string name, string value)
        {
            if (name == null)
            {
                throw new ArgumentNullException("name");
            }

            if (value == null)
            {
                throw new ArgumentNullException("value");
            }

            int at = 2 * _count;
            if (at == _fields.Length)
            {
                string[] fields = new string[2 * at];
                Array.Copy(_fields, fields, at);
                _fields = fields;
            }

            _fields[at] = name;
            _fields[at + 1] = value;
            _count++;
        }

        /// <summary>Replaces every field named <paramref name="name"/> with one field.</summary>
        /// <param name="name">The field name.</param>
        /// <param name="value">The field value.</param>
        public void Set(string name, string value)
        {
            Remove(name);
            Add(name, value);
        }

        /// <summary>Removes every field named <paramref name="name"/>; returns how many were removed.</summary>
        /// <param name="name">The field name, any case.</param>
        public int Remove(string name)
        {
            string[] fields = _fields;
            int kept = 0;
            for (int i = 0; i < 2 * _count; i += 2)
            {
                if (!Ascii.EqualsIgnoreCase(name, fields[i]))
                {
                    fields[kept++] = fields[i];
                    fields[kept++] = fields[i + 1];
                }
            }

            Array.Clear(fields, kept, 2 * _count - kept);
            int removed = _count - kept / 2;
            _count = kept / 2;
            return removed;
        }

        /// <summary>Removes every field.</summary>
        public void Clear()
        {
            Array.Clear(_fields, 0, 2 * _count);
            _count = 0;
        }

        /// <summary>Whether a field named <paramref name="name"/> is present.</summary>
        /// <param name="name">The field name, any case.</param>
        public bool Contains(string name)
        {
            return IndexOf(name, 0) >= 0;
        }

        /// <summary>The value for <paramref name="name"/>, duplicates joined with ", ", or null.</summary>
        /// <param name="name">The field name, any case.</param>
        public string Get(string name)
        {
            int first = IndexOf(name, 0);
            if (first < 0)
            {
                return null;
            }

            string joined = _fields[2 * first + 1];
            for (int i = IndexOf(name, first + 1); i >= 0; i = IndexOf(name, i + 1))
            {
                joined = joined + ", " + _fields[2 * i + 1];
            }

            return joined;
        }

        /// <summary>The values of every field named <paramref name="name"/>, in order (empty when none).</summary>
        /// <param name="name">The field name, any case.</param>
        public string[] GetValues(string name)
        {
            int found = 0;
            for (int i = IndexOf(name, 0); i >= 0; i = IndexOf(name, i + 1))
            {
                found++;
            }

            string[] values = new string[found];
            found = 0;
            for (int i = IndexOf(name, 0); i >= 0; i = IndexOf(name, i + 1))
            {
                values[found++] = _fields[2 * i + 1];
            }

            return values;
        }

        /// <summary>The name of the field at <paramref name="index"/> (0 to Count - 1).</summary>
        /// <param name="index">The field's position.</param>
        public string GetName(int index)
        {
            if ((uint)index >= (uint)_count)
            {
                throw new ArgumentOutOfRangeException("index");
            }

            return _fields[2 * index];
        }

        /// <summary>The value of the field at <paramref name="index"/> (0 to Count - 1).</summary>
        /// <param name="index">The field's position.</param>
        public string GetValue(int index)
        {
            if ((uint)index >= (uint)_count)
            {
                throw new ArgumentOutOfRangeException("index");
            }

            return _fields[2 * index + 1];
        }

        /// <summary>Every field, in order.</summary>
        public HttpHeader[] ToArray()
        {
            HttpHeader[] fields = new HttpHeader[_count];
            for (int i = 0; i < _count; i++)
            {
                fields[i] = new HttpHeader(_fields[2 * i], _fields[2 * i + 1]);
            }

            return fields;
        }

        /// <summary>Position of the first field named <paramref name="name"/> at or after <paramref name="start"/>, or -1.</summary>
        /// <param name="name">The field name, any case.</param>
        /// <param name="start">Where to start looking.</param>
        public int IndexOf(string name, int start)
        {
            for (int i = start; i < _count; i++)
            {
                if (Ascii.EqualsIgnoreCase(name, _fields[2 * i]))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
