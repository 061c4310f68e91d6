import java.util.*;

public class Main {

    public static void main(String[] args) {
        Scanner input = new Scanner(System.in);
        int t = Integer.parseInt(input.nextLine().trim());
        int k = 0;
        while (k < t) {
            String s = input.nextLine();
            try {
                System.out.println(calc(s));
            } catch (ArithmeticException ex) {
                System.out.println("ERROR");
            }
            k++;
        }
    }

    // two stacks: numbers and operators (Dijkstra's shunting yard)
    static long calc(String s) {
        Deque<Long> nums = new ArrayDeque<>();
        Deque<Character> stack = new ArrayDeque<>();
        int p = 0;
        while (p < s.length()) {
            char ch = s.charAt(p);
            if (Character.isWhitespace(ch)) {
                p++;
            } else if (Character.isDigit(ch)) {
                long val = 0;
                for (; p < s.length() && Character.isDigit(s.charAt(p)); p++) {
                    val = val * 10 + (s.charAt(p) - '0');
                }
                nums.push(val);
            } else if (ch == '(') {
                stack.push(ch);
                p++;
            } else if (ch == ')') {
                while (stack.peek() != '(') {
                    step(nums, stack);
                }
                stack.pop();
                p++;
            } else {
                while (!stack.isEmpty() && prio(stack.peek()) >= prio(ch)) {
                    step(nums, stack);
                }
                stack.push(ch);
                p++;
            }
        }
        while (!stack.isEmpty()) step(nums, stack);
        return nums.pop();
    }

    static void step(Deque<Long> nums, Deque<Character> stack) {
        long right = nums.pop();
        long left = nums.pop();
        nums.push(compute(stack.pop(), left, right));
    }

    static long compute(char o, long x, long y) {
        switch (o) {
            case '+': return x + y;
            case '-': return x - y;
            case '*': return x * y;
            case '/':
                if (y == 0) throw new ArithmeticException("div by 0");
                return x / y;
            case '%':
                if (y == 0) throw new ArithmeticException("div by 0");
                return x % y;
            default:
                throw new IllegalArgumentException("unknown op " + o);
        }
    }

    static int prio(char o) {
        if (o == '+' || o == '-') return 1;
        if (o == '*' || o == '/' || o == '%') return 2;
        return 0;
    }
}
