/**
 * `make` kept per object: the first call with an object makes its value, later calls with the same object
 * return that value, and the value goes when the object does (a WeakMap). For objects never changed once made
 * (the answer cache's messages, their acknowledgements), so that what is made from one is made once.
 */
export function perObject<K extends object, V>(make: (key: K) => V): (key: K) => V {
  const made = new WeakMap<K, V>();
  return (key) => {
    if (made.has(key)) return made.get(key) as V;
    const value = make(key);
    made.set(key, value);
    return value;
  };
}
