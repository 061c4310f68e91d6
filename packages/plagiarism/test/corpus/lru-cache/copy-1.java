import java.util.*;
import java.io.*;

/**
 * LRU cache with a hash map and a doubly linked list.
 * @author me
 */
public class Main {

    public static void main(String[] args) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(System.in));
        String[] header = reader.readLine().trim().split("\\s+");
        int size = Integer.parseInt(header[0]);
        int q = Integer.parseInt(header[1]);
        Cache c = new Cache(size);
        StringBuilder sb = new StringBuilder();
        int line = 0;
        while (line < q) {
            String[] tok = reader.readLine().trim().split("\\s+");
            if (tok[0].equals("GET"))
            {
                sb.append(c.get(Integer.parseInt(tok[1]))).append('\n');
            }
            else if (tok[0].equals("PUT"))
            {
                c.put(Integer.parseInt(tok[1]), Integer.parseInt(tok[2]));
            }
            else
            {
                sb.append("bad op: ").append(tok[0]).append('\n');
            }
            line++;
        }
        System.out.print(sb);
    }

    static class Cache {
        private final int limit;
        private final Map<Integer, Entry> index = new HashMap<>();
        private final Entry first = new Entry(0, 0);
        private final Entry last = new Entry(0, 0);

        Cache(int limit) {
            this.limit = limit;
            first.next = last;
            last.prev = first;
        }

        // move to front after every access
        private void addFirst(Entry e) {
            e.next = first.next;
            e.prev = first;
            first.next.prev = e;
            first.next = e;
        }

        private void detach(Entry e) {
            e.prev.next = e.next;
            e.next.prev = e.prev;
        }

        void put(int k, int v) {
            Entry e = index.get(k);
            if (e != null) {
                e.val = v;
                detach(e);
                addFirst(e);
                return;
            }
            if (index.size() == limit) {
                Entry victim = last.prev;
                detach(victim);
                index.remove(victim.k);
            }
            Entry created = new Entry(k, v);
            index.put(k, created);
            addFirst(created);
        }

        int get(int k) {
            Entry e = index.get(k);
            if (e == null) return -1;
            detach(e);
            addFirst(e);
            return e.val;
        }
    }

    static class Entry {
        int k;
        int val;
        Entry prev, next;

        Entry(int k, int val) {
            this.k = k;
            this.val = val;
        }
    }
}
