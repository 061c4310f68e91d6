import java.io.*;
import java.util.*;

public class Main {
    // Hand-made doubly linked list with sentinels plus a HashMap from key to list node.
    private static final class Item {
        final int key;
        int val;
        Item before, after;

        Item(int key, int val) {
            this.key = key;
            this.val = val;
        }
    }

    private final HashMap<Integer, Item> items = new HashMap<>();
    private final Item newest = new Item(-1, -1);
    private final Item oldest = new Item(-1, -1);
    private final int room;

    Main(int room) {
        this.room = room;
        newest.after = oldest;
        oldest.before = newest;
    }

    private void remove(Item it) {
        it.before.after = it.after;
        it.after.before = it.before;
    }

    private void insertAfterNewest(Item it) {
        it.after = newest.after;
        it.before = newest;
        newest.after.before = it;
        newest.after = it;
    }

    int lookup(int key) {
        if (!items.containsKey(key)) return -1;
        Item it = items.get(key);
        remove(it);
        insertAfterNewest(it);
        return it.val;
    }

    void store(int key, int val) {
        if (items.containsKey(key)) {
            Item it = items.get(key);
            it.val = val;
            remove(it);
            insertAfterNewest(it);
            return;
        }
        if (items.size() >= room) {
            Item gone = oldest.before;
            remove(gone);
            items.remove(gone.key);
        }
        Item it = new Item(key, val);
        items.put(key, it);
        insertAfterNewest(it);
    }

    public static void main(String[] args) throws IOException {
        StreamTokenizer st = new StreamTokenizer(new BufferedReader(new InputStreamReader(System.in)));
        st.resetSyntax();
        st.wordChars(33, 126);
        st.whitespaceChars(0, 32);
        st.nextToken();
        Main cache = new Main(Integer.parseInt(st.sval));
        st.nextToken();
        int q = Integer.parseInt(st.sval);
        PrintWriter pw = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out)));
        while (q-- > 0) {
            st.nextToken();
            String op = st.sval;
            st.nextToken();
            int key = Integer.parseInt(st.sval);
            if (op.equals("PUT")) {
                st.nextToken();
                cache.store(key, Integer.parseInt(st.sval));
            } else if (op.equals("GET")) {
                pw.println(cache.lookup(key));
            } else {
                pw.println("unknown command // " + op);
            }
        }
        pw.flush();
    }
}
