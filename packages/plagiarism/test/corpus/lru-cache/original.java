import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.HashMap;
import java.util.Map;

public class Main {
    static class Node {
        int key;
        int value;
        Node prev;
        Node next;

        Node(int key, int value) {
            this.key = key;
            this.value = value;
        }
    }

    static class LruCache {
        private final int capacity;
        private final Map<Integer, Node> map = new HashMap<>();
        private final Node head = new Node(0, 0);
        private final Node tail = new Node(0, 0);

        LruCache(int capacity) {
            this.capacity = capacity;
            head.next = tail;
            tail.prev = head;
        }

        private void unlink(Node node) {
            node.prev.next = node.next;
            node.next.prev = node.prev;
        }

        private void pushFront(Node node) {
            node.next = head.next;
            node.prev = head;
            head.next.prev = node;
            head.next = node;
        }

        int get(int key) {
            Node node = map.get(key);
            if (node == null) {
                return -1;
            }
            unlink(node);
            pushFront(node);
            return node.value;
        }

        void put(int key, int value) {
            Node node = map.get(key);
            if (node != null) {
                node.value = value;
                unlink(node);
                pushFront(node);
                return;
            }
            if (map.size() == capacity) {
                Node last = tail.prev;
                unlink(last);
                map.remove(last.key);
            }
            Node fresh = new Node(key, value);
            map.put(key, fresh);
            pushFront(fresh);
        }
    }

    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        String[] first = in.readLine().trim().split("\\s+");
        int capacity = Integer.parseInt(first[0]);
        int operations = Integer.parseInt(first[1]);
        LruCache cache = new LruCache(capacity);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < operations; i++) {
            String[] parts = in.readLine().trim().split("\\s+");
            if (parts[0].equals("GET")) {
                out.append(cache.get(Integer.parseInt(parts[1]))).append('\n');
            } else if (parts[0].equals("PUT")) {
                cache.put(Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
            } else {
                out.append("unknown command // ").append(parts[0]).append('\n');
            }
        }
        System.out.print(out);
    }
}
