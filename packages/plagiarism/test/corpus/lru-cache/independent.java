import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Scanner;

public class Main {
    // LinkedHashMap in access order does the bookkeeping for us.
    static class Lru<K, V> extends LinkedHashMap<K, V> {
        private final int max;

        Lru(int max) {
            super(16, 0.75f, true);
            this.max = max;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > max;
        }
    }

    public static void main(String[] args) {
        Scanner sc = new Scanner(System.in);
        int cap = sc.nextInt();
        int ops = sc.nextInt();
        Lru<Integer, Integer> lru = new Lru<>(cap);
        StringBuilder result = new StringBuilder();
        while (ops-- > 0) {
            String cmd = sc.next();
            switch (cmd) {
                case "GET": {
                    int key = sc.nextInt();
                    Integer v = lru.get(key);
                    result.append(v == null ? -1 : v).append(System.lineSeparator());
                    break;
                }
                case "PUT": {
                    int key = sc.nextInt();
                    int value = sc.nextInt();
                    lru.put(key, value);
                    break;
                }
                default:
                    result.append("unknown command // ").append(cmd).append(System.lineSeparator());
            }
        }
        System.out.print(result);
        sc.close();
    }
}
