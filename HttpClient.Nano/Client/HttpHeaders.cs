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

        private string[] _names;
        private string[] _values;
        private int _count;

        /// <summary>Creates an empty collection.</summary>
        public HttpHeaders()
        {
            _names = new string[InitialCapacity];
            _values = new string[InitialCapacity];
        }

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

            if (_count == _names.Length)
            {
                string[] names = new string[_count * 2];
                string[] values = new string[_count * 2];
                Array.Copy(_names, names, _count);
                Array.Copy(_values, values, _count);
                _names = names;
                _values = values;
            }

            _names[_count] = name;
            _values[_count] = value;
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
            int kept = 0;
            for (int i = 0; i < _count; i++)
            {
                if (!Ascii.EqualsIgnoreCase(_names[i], name))
                {
                    _names[kept] = _names[i];
                    _values[kept] = _values[i];
                    kept++;
                }
            }

            int removed = _count - kept;
            Array.Clear(_names, kept, removed);
            Array.Clear(_values, kept, removed);
            _count = kept;
            return removed;
        }

        /// <summary>Removes every field.</summary>
        public void Clear()
        {
            Array.Clear(_names, 0, _count);
            Array.Clear(_values, 0, _count);
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

            string joined = _values[first];
            for (int i = IndexOf(name, first + 1); i >= 0; i = IndexOf(name, i + 1))
            {
                joined = joined + ", " + _values[i];
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
                values[found++] = _values[i];
            }

            return values;
        }

        /// <summary>The name of the field at <paramref name="index"/> (0 to Count - 1).</summary>
        /// <param name="index">The field's position.</param>
        public string GetName(int index)
        {
            CheckIndex(index);
            return _names[index];
        }

        /// <summary>The value of the field at <paramref name="index"/> (0 to Count - 1).</summary>
        /// <param name="index">The field's position.</param>
        public string GetValue(int index)
        {
            CheckIndex(index);
            return _values[index];
        }

        /// <summary>Every field, in order.</summary>
        public HttpHeader[] ToArray()
        {
            HttpHeader[] fields = new HttpHeader[_count];
            for (int i = 0; i < _count; i++)
            {
                fields[i] = new HttpHeader(_names[i], _values[i]);
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
                if (Ascii.EqualsIgnoreCase(_names[i], name))
                {
                    return i;
                }
            }

            return -1;
        }

        private void CheckIndex(int index)
        {
            if (index < 0 || index >= _count)
            {
                throw new ArgumentOutOfRangeException("index");
            }
        }
    }
}
